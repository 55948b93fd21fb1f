/**
 * Test fixtures that prove lade's registry client against a real registry, never a fake.
 *
 * <ul>
 *   <li>{@link dev.lade.registry.testing.LocalRegistry} runs distribution's {@code docker-registry}
 *       on loopback (plain HTTP, TLS with htpasswd, mTLS, or token auth with a {@link
 *       dev.lade.registry.testing.TokenServer}); {@link dev.lade.registry.testing.RegistryExtension}
 *       ties one to a JUnit test class or test.
 *   <li>{@link dev.lade.registry.testing.FaultProxy} sits in front of a plain-HTTP registry and
 *       injects errors, resets and stalls by a deterministic schedule.
 *   <li>{@link dev.lade.registry.testing.TinyImage} is a minimal valid OCI image to upload.
 * </ul>
 */
package dev.lade.registry.testing;

/**
 * lade's client of the OCI distribution API. {@link dev.lade.registry.RegistryClient} is the entry
 * point, one per registry host: {@link dev.lade.registry.Manifests}, {@link
 * dev.lade.registry.Blobs} and {@link dev.lade.registry.Tags} hold the protocol operations, every
 * failure is a {@link dev.lade.registry.RegistryException} with a one-line message, and {@link
 * dev.lade.registry.RegistryLogin} checks and stores credentials as {@code docker login} does.
 */
package dev.lade.registry;

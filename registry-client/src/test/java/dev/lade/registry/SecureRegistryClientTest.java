package dev.lade.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.registry.testing.Credentials;
import dev.lade.registry.testing.LocalRegistry;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.RegistryOptions;
import dev.lade.registry.testing.TinyImage;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** TLS verified through Docker's certs.d layout, basic auth, client certificates. */
class SecureRegistryClientTest {
  @TempDir Path certsD;

  @Nested
  class BasicAuth {
    @RegisterExtension static RegistryExtension registry = RegistryExtension.tlsBasicAuth();

    @Test
    void pushesAndPullsWithBasicAuthOverVerifiedTls() throws Exception {
      LocalRegistry local = registry.registry();
      RegistryConfig config = TestConfigs.withUser(
          TestConfigs.trusting(local, certsD), local.host(), local.credentials());
      TinyImage image = TinyImage.create();

      try (RegistryClient client = RegistryClient.forRegistry(local.host(), config)) {
        client.ping();
        PlainRegistryClientTest.push(client, "lade/basic", image);

        assertEquals("https://" + local.host(), client.baseUrl().toString());
        assertArrayEquals(image.manifest(), client.manifests().get("lade/basic", "v1").bytes());
      }
    }

    /** Before the registry's Basic challenge is known, parallel requests all go without the password. */
    @Test
    void parallelFirstRequestsAllRetryWithTheBasicCredential() throws Exception {
      LocalRegistry local = registry.registry();
      RegistryConfig config = TestConfigs.withUser(TestConfigs.trusting(local, certsD), local.host(), local.credentials());
      TinyImage image = TinyImage.create();
      try (RegistryClient pusher = RegistryClient.forRegistry(local.host(), config)) {
        PlainRegistryClientTest.push(pusher, "lade/parallel", image);
      }

      try (RegistryClient client = RegistryClient.forRegistry(local.host(), config);
          var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        var checks = java.util.stream.IntStream.range(0, 8)
            .mapToObj(i -> threads.submit(() -> client.blobs().exists("lade/parallel", Digest.parse(image.layerDigest()))))
            .toList();
        for (var check : checks) assertTrue(check.get());
      }
    }

    @Test
    void wrongPasswordFailsWithoutShowingIt() throws Exception {
      LocalRegistry local = registry.registry();
      String secret = "not-the-password-4711";
      RegistryConfig config = TestConfigs.withUser(
          TestConfigs.trusting(local, certsD), local.host(), new Credentials("lade", secret));

      try (RegistryClient client = RegistryClient.forRegistry(local.host(), config)) {
        RegistryException e = assertThrows(RegistryException.class, client::ping);

        assertEquals(401, e.status());
        assertEquals("registry " + local.host() + ": ping: UNAUTHORIZED: authentication required", e.getMessage());
        assertFalse(e.toString().contains(secret));
        assertFalse(client.toString().contains(secret));
      }
    }

    @Test
    void untrustedCertificateIsRefusedByDefault() throws Exception {
      LocalRegistry local = registry.registry();
      try (RegistryClient client = RegistryClient.forRegistry(local.host(), TestConfigs.anonymous(certsD))) {
        RegistryException e = assertThrows(RegistryException.class, client::ping);

        assertTrue(e.getMessage().startsWith("registry " + local.host() + ": connect: TLS error"), e.getMessage());
      }
    }

    @Test
    void insecureRegistrySkipsVerification() throws Exception {
      LocalRegistry local = registry.registry();
      RegistryConfig config = TestConfigs.withUser(TestConfigs.anonymous(certsD), local.host(), local.credentials());
      config = config.withTransport(config.transport().withInsecureRegistries(Set.of(local.host())));

      try (RegistryClient client = RegistryClient.forRegistry(local.host(), config)) {
        client.ping();

        assertEquals("https://" + local.host(), client.baseUrl().toString());
      }
    }
  }

  @Nested
  class MutualTls {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.of(RegistryOptions.plainHttp().withClientCertificates());

    @Test
    void presentsTheClientCertificateFromCertsD() throws Exception {
      LocalRegistry local = registry.registry();
      try (RegistryClient client = RegistryClient.forRegistry(local.host(), TestConfigs.trusting(local, certsD))) {
        client.ping();
        PlainRegistryClientTest.push(client, "lade/mtls", TinyImage.create());
      }
    }

    @Test
    void withoutTheClientCertificateTheHandshakeFails(@TempDir Path caOnly) throws Exception {
      LocalRegistry local = registry.registry();
      java.nio.file.Files.createDirectories(caOnly.resolve(local.host()));
      java.nio.file.Files.copy(local.caCertificatePem(), caOnly.resolve(local.host()).resolve("ca.crt"));

      try (RegistryClient client = RegistryClient.forRegistry(local.host(), TestConfigs.anonymous(caOnly))) {
        RegistryException e = assertThrows(RegistryException.class, client::ping);
        assertEquals(0, e.status(), e.getMessage());
      }
    }
  }
}

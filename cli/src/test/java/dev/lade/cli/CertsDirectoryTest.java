package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.LocalRegistry;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.RegistryOptions;
import dev.lade.registry.transfer.TestImages;
import dev.lade.registry.transport.TransportConfig;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS verified with what Docker's {@code certs.d/HOST:PORT/} holds ({@code $LADE_CERTS_D} stands
 * for {@code /etc/docker/certs.d} here): the CA of a registry, and the client certificate one that
 * demands it. Without them, a TLS registry is refused in one line unless named insecure.
 */
class CertsDirectoryTest {
  @RegisterExtension static RegistryExtension basic = RegistryExtension.tlsBasicAuth();
  @RegisterExtension
  static RegistryExtension mutual = RegistryExtension.of(RegistryOptions.plainHttp().withClientCertificates());

  @TempDir Path temp;
  private Path certsD;
  private OciLayoutStore layout;
  private Descriptor image;

  @BeforeEach
  void setUp() throws IOException {
    certsD = Files.createDirectories(temp.resolve("certs.d"));
    System.setProperty(TransportConfig.CERTS_D_VARIABLE, certsD.toString());
    layout = OciLayoutStore.open(temp.resolve("layout"));
    image = TestImages.named(layout, "1", TestImages.image(layout, Platform.of("linux", "amd64"), 21, 500));
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(TransportConfig.CERTS_D_VARIABLE);
  }

  private CliRun lade(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--root", temp.resolve("store").toString()));
    all.addAll(List.of(args));
    all.addAll(List.of("--config", temp.resolve("docker").toString()));
    return CliRun.withInput(stdin, all.toArray(String[]::new));
  }

  /** Copies {@code certs.d/HOST:PORT/} of {@code registry} as Docker's documentation lays it out. */
  private void trust(LocalRegistry registry, String... files) throws IOException {
    Path host = Files.createDirectories(certsD.resolve(registry.host()));
    try (DirectoryStream<Path> all = Files.newDirectoryStream(registry.certificatesDirectory())) {
      for (Path file : all) {
        if (List.of(files).contains(file.getFileName().toString())) Files.copy(file, host.resolve(file.getFileName()));
      }
    }
  }

  @Test
  void theCaOfCertsDVerifiesTheRegistry() throws Exception {
    LocalRegistry registry = basic.registry();
    String ref = registry.host() + "/lade/verified:1";
    CliRun untrusted = lade("", "pull", ref);
    trust(registry, "ca.crt");

    CliRun login = lade(registry.credentials().password() + "\n",
        "login", "-u", registry.credentials().username(), "--password-stdin", registry.host());
    CliRun push = lade("", "copy", "oci:" + layout.root() + ":1", "docker://" + ref);
    CliRun pull = lade("", "pull", ref);

    assertEquals(1, untrusted.exitCode());
    assertEquals(1, untrusted.err().lines().count(), untrusted.err());
    assertTrue(untrusted.err().startsWith("lade: registry " + registry.host() + ": "), untrusted.err());
    assertTrue(untrusted.err().contains("TLS error"), untrusted.err());
    assertEquals(0, login.exitCode(), login.err());
    assertEquals(0, push.exitCode(), push.err());
    assertEquals(0, pull.exitCode(), pull.err());
    assertTrue(pull.out().startsWith("Digest: " + image.digest()), pull.out());
  }

  @Test
  void theClientCertificateOfCertsDIsPresented() throws Exception {
    LocalRegistry registry = mutual.registry();
    String ref = "docker://" + registry.host() + "/lade/mutual:1";
    trust(registry, "ca.crt");
    CliRun withoutCertificate = lade("", "copy", "oci:" + layout.root() + ":1", ref);
    trust(registry, "client.cert", "client.key");

    CliRun push = lade("", "copy", "oci:" + layout.root() + ":1", ref);

    assertEquals(1, withoutCertificate.exitCode());
    assertEquals(1, withoutCertificate.err().lines().count(), withoutCertificate.err());
    assertEquals(0, push.exitCode(), push.err());
    assertEquals(image.digest() + "\n", push.out());
  }
}

package dev.lade.registry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MutualTlsRegistryTest {

  @RegisterExtension
  static RegistryExtension registry =
      RegistryExtension.of(RegistryOptions.plainHttp().withClientCertificates());

  @Test
  void answersAClientPresentingItsCertificate() throws Exception {
    try (RegistryHttp http = RegistryHttp.to(registry.registry())) {
      assertEquals(200, http.get("/v2/").statusCode());
    }
  }

  @Test
  void refusesAClientWithoutCertificate() {
    LocalRegistry local = registry.registry();
    try (RegistryHttp http =
        RegistryHttp.to(local.url(), TlsContexts.trusting(local.caCertificate()), null)) {
      assertThrows(IOException.class, () -> http.get("/v2/"));
    }
  }

  @Test
  void writesClientFilesInDockersCertsDLayout() {
    var certs = registry.registry().certificatesDirectory();
    for (String file : new String[] {"ca.crt", "client.cert", "client.key"}) {
      assertTrue(Files.isRegularFile(certs.resolve(file)), file);
    }
  }
}

package dev.lade.registry.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BasicAuthRegistryTest {

  @RegisterExtension static RegistryExtension registry = RegistryExtension.tlsBasicAuth();

  private static RegistryHttp anonymous() {
    LocalRegistry local = registry.registry();
    return RegistryHttp.to(local.url(), local.sslContext(), null);
  }

  @Test
  void challengesRequestsWithoutCredentials() throws Exception {
    try (RegistryHttp http = anonymous()) {
      HttpResponse<byte[]> response = http.get("/v2/");

      assertEquals(401, response.statusCode());
      assertEquals(
          "Basic realm=\"lade-test\"",
          response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }
  }

  @Test
  void refusesAWrongPassword() throws Exception {
    Credentials wrong =
        new Credentials(RegistryOptions.DEFAULT_USER.username(), "not-the-password");
    try (RegistryHttp http = anonymous().withAuthorization(wrong.basicAuthorization())) {
      assertEquals(401, http.get("/v2/").statusCode());
    }
  }

  @Test
  void letsTheUserPushAndPullOverVerifiedTls() throws Exception {
    byte[] content = "basic auth blob".getBytes(StandardCharsets.UTF_8);
    String authorization = registry.registry().credentials().basicAuthorization();
    try (RegistryHttp http = anonymous().withAuthorization(authorization)) {
      assertEquals(200, http.get("/v2/").statusCode());

      String digest = http.pushBlob("lade/basic", content);

      assertArrayEquals(content, http.get("/v2/lade/basic/blobs/" + digest).body());
    }
    assertTrue(
        registry.url().toString().startsWith("https://127.0.0.1:"), registry.url()::toString);
  }

  @Test
  void isNotTrustedWithoutTheTestCa() throws Exception {
    try (RegistryHttp http = RegistryHttp.to(registry.url(), SSLContext.getDefault(), null)) {
      assertThrows(SSLHandshakeException.class, () -> http.get("/v2/"));
    }
  }

  @Test
  void publishesTheCaAsPem() throws Exception {
    LocalRegistry local = registry.registry();
    try (var pem = Files.newInputStream(local.caCertificatePem())) {
      X509Certificate ca =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
      assertEquals(local.caCertificate(), ca);
    }
    assertEquals(local.caCertificatePem(), local.certificatesDirectory().resolve("ca.crt"));
  }
}

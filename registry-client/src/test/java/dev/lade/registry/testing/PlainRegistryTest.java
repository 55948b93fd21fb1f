package dev.lade.registry.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlainRegistryTest {

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @AutoClose private final RegistryHttp http = RegistryHttp.to(registry.registry());

  @Test
  void answersTheVersionCheckWithoutAuth() throws Exception {
    HttpResponse<byte[]> response = http.get("/v2/");

    assertEquals(200, response.statusCode());
    assertEquals(
        "registry/2.0",
        response.headers().firstValue("Docker-Distribution-API-Version").orElseThrow());
    assertTrue(registry.url().toString().startsWith("http://127.0.0.1:"), registry.url()::toString);
  }

  @Test
  void storesAPushedBlobAndServesItBack() throws Exception {
    byte[] content = "hello, registry\n".getBytes(StandardCharsets.UTF_8);

    String digest = http.pushBlob("lade/plain", content);

    HttpResponse<byte[]> head = http.headBlob("lade/plain", digest);
    assertEquals(200, head.statusCode());
    assertEquals(digest, head.headers().firstValue("Docker-Content-Digest").orElseThrow());
    assertEquals(content.length, head.headers().firstValueAsLong("Content-Length").orElseThrow());
    HttpResponse<byte[]> get = http.get("/v2/lade/plain/blobs/" + digest);
    assertEquals(200, get.statusCode());
    assertArrayEquals(content, get.body());
    Path stored =
        registry
            .registry()
            .storageDirectory()
            .resolve("docker/registry/v2/blobs/sha256")
            .resolve(digest.substring(7, 9))
            .resolve(digest.substring(7))
            .resolve("data");
    assertArrayEquals(content, Files.readAllBytes(stored));
  }

  @Test
  void deletesBlobsBecauseDeleteIsEnabled() throws Exception {
    String digest = http.pushBlob("lade/plain", "to be deleted".getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> delete =
        http.send("DELETE", "/v2/lade/plain/blobs/" + digest, HttpRequest.BodyPublishers.noBody());

    assertEquals(202, delete.statusCode());
    assertEquals(404, http.get("/v2/lade/plain/blobs/" + digest).statusCode());
  }
}

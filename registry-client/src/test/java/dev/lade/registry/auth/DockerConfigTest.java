package dev.lade.registry.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  @TempDir Path bin;

  @Test
  void readsAuthsEntriesInEveryForm() throws Exception {
    // "auth" is base64("user:password"), as `docker login` writes it.
    DockerConfig config = config("""
        {"auths": {
          "https://index.docker.io/v1/": {"auth": "YWxpY2U6aHViLXNlY3JldA=="},
          "https://registry.example.com/v2/": {"username": "bob", "password": "pw"},
          "ghcr.io": {"auth": "", "identitytoken": "refresh-me"}
        }}""");

    assertEquals(new Credential.UsernamePassword("alice", "hub-secret"), config.credentialFor("docker.io"));
    assertEquals(new Credential.UsernamePassword("bob", "pw"), config.credentialFor("registry.example.com"));
    assertEquals(new Credential.IdentityToken("", "refresh-me"), config.credentialFor("ghcr.io"));
    assertEquals(new Credential.Anonymous(), config.credentialFor("quay.io"));
  }

  @Test
  void locatesTheFileByDockerConfigOrHome() {
    assertEquals(home.resolve(".docker/config.json"),
        DockerConfig.fromEnvironment(Map.of(), home).file());
    assertEquals(Path.of("/etc/lade-docker/config.json"),
        DockerConfig.fromEnvironment(Map.of("DOCKER_CONFIG", "/etc/lade-docker"), home).file());
  }

  @Test
  void asksThePerRegistryHelperFirst() throws Exception {
    TestCredentialHelper.install(bin, "lade-test");
    TestCredentialHelper.seed(bin, "registry.example.com", "carol", "helper-secret");
    DockerConfig config = config("""
        {"credHelpers": {"registry.example.com": "lade-test"},
         "auths": {"registry.example.com": {"auth": "Ym9iOnB3"}}}""");

    assertEquals(new Credential.UsernamePassword("carol", "helper-secret"), config.credentialFor("registry.example.com"));
  }

  @Test
  void helperTokenUserMeansAnIdentityToken() throws Exception {
    TestCredentialHelper.install(bin, "lade-test");
    TestCredentialHelper.seed(bin, "https://index.docker.io/v1/", "<token>", "identity");
    DockerConfig config = config("{\"credsStore\": \"lade-test\"}");

    assertEquals(new Credential.IdentityToken("", "identity"), config.credentialFor("docker.io"));
    assertEquals(new Credential.Anonymous(), config.credentialFor("other.example.com"));
  }

  @Test
  void storesLoginsInAuthsKeepingOtherSettingsAndPrivate() throws Exception {
    DockerConfig config = config("{\"psFormat\": \"table {{.ID}}\"}");

    config.store("docker.io", new Credential.UsernamePassword("alice", "hub-secret"));

    JsonNode written = JSON.readTree(config.file().toFile());
    assertEquals("table {{.ID}}", written.get("psFormat").asText());
    assertEquals("YWxpY2U6aHViLXNlY3JldA==", written.at("/auths/https:~1~1index.docker.io~1v1~1/auth").asText());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.file())));
    assertEquals(new Credential.UsernamePassword("alice", "hub-secret"), config.credentialFor("docker.io"));

    assertTrue(config.erase("docker.io"));
    assertEquals(new Credential.Anonymous(), config.credentialFor("docker.io"));
    assertFalse(config.erase("docker.io"));
  }

  @Test
  void storesThroughTheCredsStoreHelper() throws Exception {
    TestCredentialHelper.install(bin, "lade-test");
    DockerConfig config = config("{\"credsStore\": \"lade-test\"}");

    config.store("localhost:5000", new Credential.UsernamePassword("dave", "in-the-helper"));

    assertEquals("{\"ServerURL\":\"localhost:5000\",\"Username\":\"dave\",\"Secret\":\"in-the-helper\"}",
        Files.readString(bin.resolve("stored.json")));
    assertFalse(Files.readString(config.file()).contains("in-the-helper"));
    assertEquals(new Credential.UsernamePassword("dave", "in-the-helper"), config.credentialFor("localhost:5000"));

    config.erase("localhost:5000");
    assertFalse(Files.exists(bin.resolve("stored.json")));
  }

  private DockerConfig config(String json) throws Exception {
    Path file = Files.createDirectories(home.resolve(".docker")).resolve("config.json");
    Files.writeString(file, json);
    return new DockerConfig(file, List.of(bin));
  }
}

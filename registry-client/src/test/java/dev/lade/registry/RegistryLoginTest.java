package dev.lade.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.registry.auth.Credential;
import dev.lade.registry.auth.DockerConfig;
import dev.lade.registry.auth.TestCredentialHelper;
import dev.lade.registry.testing.Credentials;
import dev.lade.registry.testing.LocalRegistry;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.TinyImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RegistryLoginTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.tlsBasicAuth();

  @TempDir Path certsD;
  @TempDir Path dockerDir;

  @Test
  void storesCredentialsTheRegistryAcceptsAndClientsThenUseThem() throws Exception {
    LocalRegistry local = registry.registry();
    Credentials user = local.credentials();
    DockerConfig store = new DockerConfig(dockerDir.resolve("config.json"), List.of());
    RegistryConfig config = TestConfigs.trusting(local, certsD);

    RegistryLogin.login(local.host(), new Credential.UsernamePassword(user.username(), user.password()),
        config.transport(), store);

    assertTrue(Files.readString(store.file()).contains("\"" + local.host() + "\""));
    try (RegistryClient client = RegistryClient.forRegistry(local.host(), config.withCredentials(store))) {
      client.ping();
    }
    assertTrue(RegistryLogin.logout(local.host(), store));
    assertEquals(new Credential.Anonymous(), store.credentialFor(local.host()));
  }

  @Test
  void refusedCredentialsAreNotStored() throws Exception {
    LocalRegistry local = registry.registry();
    DockerConfig store = new DockerConfig(dockerDir.resolve("config.json"), List.of());

    RegistryException e = assertThrows(RegistryException.class, () -> RegistryLogin.login(local.host(),
        new Credential.UsernamePassword("lade", "wrong-password"), TestConfigs.trusting(local, certsD).transport(), store));

    assertEquals(401, e.status());
    assertFalse(e.getMessage().contains("wrong-password"));
    assertFalse(Files.exists(store.file()));
  }

  /**
   * Docker's {@code credsStore} keeps the login in a {@code docker-credential-*} helper, never in
   * config.json; a config naming the same helper in {@code credHelpers} then pushes with it.
   */
  @Test
  void logsInThroughTheCredsStoreHelperAndPushesWithTheCredHelper(@TempDir Path bin) throws Exception {
    LocalRegistry local = registry.registry();
    Credentials user = local.credentials();
    TestCredentialHelper.install(bin, "lade-test");
    Files.writeString(dockerDir.resolve("config.json"), "{\"credsStore\": \"lade-test\"}");
    DockerConfig credsStore = new DockerConfig(dockerDir.resolve("config.json"), List.of(bin));
    RegistryConfig config = TestConfigs.trusting(local, certsD);

    RegistryLogin.login(local.host(), new Credential.UsernamePassword(user.username(), user.password()),
        config.transport(), credsStore);

    assertFalse(Files.readString(credsStore.file()).contains(user.password()));
    assertTrue(Files.readString(bin.resolve("stored.json")).contains(user.password()));
    Path perRegistry = Files.writeString(dockerDir.resolve("helpers.json"),
        "{\"credHelpers\": {\"" + local.host() + "\": \"lade-test\"}}");
    try (RegistryClient client = RegistryClient.forRegistry(local.host(),
        config.withCredentials(new DockerConfig(perRegistry, List.of(bin))))) {
      PlainRegistryClientTest.push(client, "lade/helped", TinyImage.create());
      assertTrue(client.manifests().head("lade/helped", "v1").isPresent());
    }
    try (RegistryClient anonymous = RegistryClient.forRegistry(local.host(), config)) {
      assertEquals(401, assertThrows(RegistryException.class, anonymous::ping).status());
    }
  }
}

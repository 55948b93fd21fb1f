package dev.lade.cli.buildrun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --secret} and {@code --ssh} as buildx's documentation writes them. */
class BuildSecretsTest {
  @TempDir Path dir;

  @Test
  void fileAndEnvironmentSecrets() throws IOException {
    Path aws = Files.writeString(dir.resolve("credentials"), "[default]\n");
    BuildSecrets secrets = BuildSecrets.parse(List.of("id=aws,src=" + aws, "id=GIT_AUTH_TOKEN",
        "id=kube,env=KUBECONFIG", "type=file,id=f2,source=" + aws), Map.of("GIT_AUTH_TOKEN", "t0k", "KUBECONFIG", "k"));
    assertArrayEquals("[default]\n".getBytes(StandardCharsets.UTF_8), secrets.value("aws").orElseThrow());
    assertArrayEquals("t0k".getBytes(StandardCharsets.UTF_8), secrets.value("GIT_AUTH_TOKEN").orElseThrow());
    assertArrayEquals("k".getBytes(StandardCharsets.UTF_8), secrets.value("kube").orElseThrow());
    assertTrue(secrets.value("f2").isPresent());
    assertEquals(Optional.empty(), secrets.value("other"));
  }

  @Test
  void unsetVariableIsAnErrorWhenMounted() {
    BuildSecrets secrets = BuildSecrets.parse(List.of("id=tok,env=NOPE"), Map.of());
    IOException e = assertThrows(IOException.class, () -> secrets.value("tok"));
    assertEquals("secret tok: environment variable NOPE is not set", e.getMessage());
  }

  @Test
  void malformedSpecsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> BuildSecrets.parse(List.of("src"), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> BuildSecrets.parse(List.of("id=a,type=vault"), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> BuildSecrets.parse(List.of("id=a,type=file"), Map.of()));
  }

  @Test
  void sshTakesAgentSocketsNotKeys() throws IOException {
    SshAgents agents = SshAgents.parse(List.of("default", "work=/run/work.sock"), "/run/agent.sock");
    assertEquals(Path.of("/run/agent.sock"), agents.socket("default").orElseThrow());
    assertEquals(Path.of("/run/work.sock"), agents.socket("work").orElseThrow());
    Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SshAgents.parse(List.of("default=" + key), null));
    assertTrue(e.getMessage().contains("is a key file"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SshAgents.parse(List.of("default"), null));
  }
}

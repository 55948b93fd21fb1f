package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.Credentials;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.TokenPolicy;
import dev.lade.registry.transfer.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull with a token-auth registry, the credentials coming from Docker's config.json. */
class TokenAuthTransferTest {
  private static final Credentials ALICE = new Credentials("alice", "alice-secret");

  @RegisterExtension static RegistryExtension registry = RegistryExtension.tlsToken(TokenPolicy.pushPull(ALICE));

  @TempDir Path temp;

  @Test
  void pushesAndPullsWithDockerConfigCredentials() throws Exception {
    OciLayoutStore layout = OciLayoutStore.open(temp.resolve("layout"));
    Descriptor image = TestImages.named(layout, "1",
        TestImages.image(layout, Platform.of("linux", "amd64"), 9, 1000, 2000));
    Path config = Files.createDirectories(temp.resolve("docker"));
    String auth = Base64.getEncoder().encodeToString("alice:alice-secret".getBytes(StandardCharsets.UTF_8));
    Files.writeString(config.resolve("config.json"),
        "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
    String ref = registry.host() + "/lade/private:1";
    String[] options = {"--config", config.toString(), "--insecure-registry", registry.host()};

    CliRun anonymous = CliRun.of("--root", temp.resolve("store").toString(), "pull",
        "--insecure-registry", registry.host(), "--config", temp.resolve("empty").toString(), ref);
    CliRun push = CliRun.of(concat(new String[] {"copy", "oci:" + layout.root() + ":1", ref}, options));
    CliRun pull = CliRun.of(concat(new String[] {"--root", temp.resolve("store").toString(), "pull", ref}, options));

    assertEquals(1, anonymous.exitCode());
    assertEquals(1, anonymous.err().lines().count(), anonymous.err());
    assertEquals(0, push.exitCode(), push.err());
    assertEquals(image.digest() + "\n", push.out());
    assertEquals(0, pull.exitCode(), pull.err());
    assertTrue(pull.out().startsWith("Digest: " + image.digest()), pull.out());
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}

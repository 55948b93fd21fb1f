package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.ForwardProxy;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.transfer.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * lade as a process takes its proxy from the environment, as Docker does: the registry is named by
 * {@link ForwardProxy#NAME}, which only the proxy resolves, so the pull arrives only through it.
 */
class ProxyEnvironmentTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;

  @Test
  void pullsThroughTheHttpProxyOfTheEnvironment() throws Exception {
    OciLayoutStore layout = OciLayoutStore.open(temp.resolve("layout"));
    Descriptor image = TestImages.named(layout, "1", TestImages.image(layout, Platform.of("linux", "amd64"), 23, 900));
    CliRun push = CliRun.of("copy", "oci:" + layout.root() + ":1", "docker://" + registry.host() + "/lade/proxied:1");
    assertEquals(0, push.exitCode(), push.err());
    String host = ForwardProxy.NAME + ":" + registry.registry().port();

    try (ForwardProxy proxy = ForwardProxy.start()) {
      ProcessBuilder pull = new ProcessBuilder(LadeProcess.command("--root", temp.resolve("store").toString(),
          "pull", "--insecure-registry", host, host + "/lade/proxied:1")).redirectErrorStream(true);
      pull.environment().put("HTTP_PROXY", proxy.url());
      pull.environment().put("NO_PROXY", "example.com");
      Process process = pull.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));

      assertEquals(0, process.exitValue(), output);
      assertTrue(output.contains("Digest: " + image.digest()), output);
      assertTrue(proxy.targets().contains("GET http://" + host + "/v2/"), proxy.targets()::toString);
      assertTrue(proxy.targets().stream().allMatch(target -> target.contains(host)), proxy.targets()::toString);
    }
  }
}

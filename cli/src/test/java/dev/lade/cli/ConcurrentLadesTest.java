package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.transfer.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several lade processes on one store at once: two pull the same blobs under different names while
 * a third prunes over and over. The file locks keep it consistent: both names arrive whole, no
 * blob they need is pruned from under them, and the store checks clean.
 */
class ConcurrentLadesTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;

  @Test
  void twoPullsAndAPruneShareOneStore() throws Exception {
    OciLayoutStore layout = OciLayoutStore.open(temp.resolve("layout"));
    Descriptor image = TestImages.named(layout, "src",
        TestImages.image(layout, Platform.of("linux", "amd64"), 17, 1 << 20, 1 << 20, 1 << 20));
    String root = temp.resolve("store").toString();
    for (String tag : List.of("a", "b")) {
      CliRun push = CliRun.of("--root", root, "copy", "oci:" + layout.root() + ":src",
          "docker://" + registry.host() + "/lade/shared:" + tag);
      assertEquals(0, push.exitCode(), push.err());
    }

    List<Process> pulls = new ArrayList<>();
    for (String tag : List.of("a", "b")) {
      pulls.add(new ProcessBuilder(LadeProcess.command("--root", root, "pull", registry.host() + "/lade/shared:" + tag))
          .redirectErrorStream(true).start());
    }
    int prunes = 0;
    while (pulls.stream().anyMatch(Process::isAlive)) {
      assertEquals(0, CliRun.of("--root", root, "prune").exitCode());
      prunes++;
      Thread.sleep(50);
    }

    for (Process pull : pulls) {
      String output = new String(pull.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(pull.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, pull.exitValue(), output);
    }
    assertTrue(prunes > 0);
    CliRun images = CliRun.of("--root", root, "images", "-q");
    CliRun fsck = CliRun.of("--root", root, "fsck");
    assertEquals(List.of(image.digest().hex().substring(0, 12), image.digest().hex().substring(0, 12)),
        images.out().lines().toList());
    assertEquals(0, fsck.exitCode(), fsck.out() + fsck.err());
  }
}

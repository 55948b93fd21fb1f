package dev.lade.oci.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared daemon imports the busybox base, builds on it with BuildKit, and saves the result. */
class DockerDaemonTest {

  @TempDir Path dir;

  @BeforeAll
  static void requireDocker() {
    String why = DockerDaemon.unavailableReason();
    assumeTrue(why == null, () -> "dockerd tests not run: " + why);
  }

  @Test
  void buildsOnAnImportedBaseAndSavesTheImage() throws IOException {
    DockerDaemon docker = DockerDaemon.shared();
    docker.importRootfs(BusyboxRootfs.writeTar(dir.resolve("rootfs.tar")), "lade-test/busybox:1");

    Path context = Files.createDirectories(dir.resolve("context"));
    Files.writeString(context.resolve("hello.txt"), "hello\n");
    Path dockerfile = Files.writeString(dir.resolve("Dockerfile"),
        "FROM lade-test/busybox:1\nCOPY hello.txt /srv/\nRUN [\"/bin/busybox\", \"true\"]\n");
    String id = docker.build(context, dockerfile, "lade-test/hello:1");
    assertTrue(id.startsWith("sha256:"), id);

    String layers = docker.dockerOk("image", "inspect", "-f", "{{len .RootFS.Layers}}",
        "lade-test/hello:1").stdout().strip();
    // BuildKit gives RUN a layer even when the command changes nothing.
    assertEquals("3", layers, "the imported base layer, COPY's layer and RUN's empty layer");

    Path saved = dir.resolve("hello.tar");
    docker.save(saved, "lade-test/hello:1");
    assertTrue(Files.size(saved) > Files.size(BusyboxRootfs.BUSYBOX));
  }

  @Test
  void aFailingCommandReportsItsExitAndOutput() throws IOException {
    ToolResult result = DockerDaemon.shared().docker("image", "inspect", "lade-test/absent:1");
    assertFalse(result.ok());
    assertTrue(result.stderr().contains("No such image"), result.describe());
  }
}

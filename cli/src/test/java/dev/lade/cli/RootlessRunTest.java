package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.testing.BusyboxRootfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** lade run by a user without root (nobody): its container runs on an overlay its launcher mounts, as RUN's. */
class RootlessRunTest {
  private static final String IMAGE = "busybox:rootless";

  @BeforeEach
  void asRoot() {
    assumeTrue("root".equals(System.getProperty("user.name")), "setpriv to nobody needs root; CI runs as root");
  }

  @Test
  void containerRunsOnAnOverlayMountedInItsUserNamespace() throws Exception {
    try (AsNobody nobody = AsNobody.create()) {
      Path store = storeWithImage(nobody);

      CliRun run = lade(nobody, store, "run", "--rm", IMAGE, "sh", "-c",
          "grep ' / ' /proc/mounts; echo changed > /bin/marker; id -u");
      assertEquals(0, run.exitCode(), run.err());
      String root = run.out().lines().findFirst().orElseThrow();
      assertTrue(root.startsWith("overlay / overlay ") && root.contains("userxattr"), root);
      assertTrue(run.out().endsWith("\n0\n"), "the container's root is nobody: " + run.out());
      assertTrue(!run.err().contains("lade-launch"), "no warning about mounts lade did not make: " + run.err());

      CliRun kept = lade(nobody, store, "run", "--name", "kept", IMAGE, "sh", "-c", "test ! -e /bin/marker");
      assertEquals(0, kept.exitCode(), "the first container's writes never touched the image: " + kept.err());
      assertEquals("kept\n", lade(nobody, store, "rm", "kept").out());
      try (Stream<Path> active = Files.list(store.resolve("snapshots/active"))) {
        assertEquals(List.of(), active.toList(), "no snapshot left");
      }
    }
  }

  @Test
  void execFindsUsersInTheRunningContainersOwnPasswd() throws Exception {
    try (AsNobody nobody = AsNobody.create()) {
      Path store = storeWithImage(nobody);
      CliRun started = lade(nobody, store, "run", "-d", "--name", "live", IMAGE, "sh", "-c",
          "echo 'admin:x:0:0::/:/bin/sh' >> /etc/passwd; touch /tmp/ready; exec sleep 60");
      assertEquals(0, started.exitCode(), started.err());
      try {
        Await.until(() -> succeeds(nobody, store, "exec", "live", "test", "-e", "/tmp/ready"),
            "the container wrote its user");
        CliRun exec = lade(nobody, store, "exec", "-u", "admin", "live", "id", "-u");
        assertEquals(0, exec.exitCode(), "a user only the container's live /etc/passwd names: " + exec.err());
        assertEquals("0\n", exec.out());
        CliRun unknown = lade(nobody, store, "exec", "-u", "nosuchuser", "live", "true");
        assertTrue(unknown.exitCode() != 0 && unknown.err().contains("nosuchuser"), unknown.err());
      } finally {
        lade(nobody, store, "rm", "-f", "live");
      }
    }
  }

  @Test
  void publishesAPortThroughSlirp4netns() throws Exception {
    assertTrue(Files.isReadable(Path.of("/dev/net/tun")) && Files.isWritable(Path.of("/dev/net/tun")),
        "slirp4netns needs /dev/net/tun usable by every user, as Debian's udev makes it (./test sets that up)");
    try (AsNobody nobody = AsNobody.create();
        java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = free.getLocalPort();
      free.close();
      Path store = storeWithImage(nobody);
      CliRun started = lade(nobody, store, "run", "-d", "--name", "web", "-p", "127.0.0.1:" + port + ":8080", IMAGE,
          "sh", "-c", "mkdir -p /www && echo rootless > /www/index.html && exec busybox httpd -f -p 8080 -h /www");
      assertEquals(0, started.exitCode(), started.err());
      try {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + port + "/index.html")).build();
        String[] body = new String[1];
        Await.until(() -> {
          try {
            body[0] = http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return true;
          } catch (java.io.IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }, "the published port answers");
        assertEquals("rootless\n", body[0]);
      } finally {
        lade(nobody, store, "rm", "-f", "web");
      }
    }
  }

  /** nobody's store, with busybox imported as {@link #IMAGE}. */
  private static Path storeWithImage(AsNobody nobody) throws Exception {
    Path store = nobody.home().resolve("store");
    Path tar = BusyboxRootfs.writeTar(nobody.home().resolve("rootfs.tar"));
    assertEquals(0, lade(nobody, store, "import", tar.toString(), IMAGE).exitCode());
    return store;
  }

  private static boolean succeeds(AsNobody nobody, Path store, String... args) {
    try {
      return lade(nobody, store, args).exitCode() == 0;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static CliRun lade(AsNobody nobody, Path store, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--root", store.toString()));
    all.addAll(List.of(args));
    return nobody.run(all);
  }
}

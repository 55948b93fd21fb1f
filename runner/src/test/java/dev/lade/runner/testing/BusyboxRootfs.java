package dev.lade.runner.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** A root filesystem of Debian's busybox-static with its applets linked, plus users and groups for USER tests. */
public final class BusyboxRootfs {

  /** Where Debian's busybox-static package puts busybox. */
  public static final Path BUSYBOX = Path.of("/bin/busybox");

  private BusyboxRootfs() {}

  /** Makes the rootfs under {@code dir}; skips the test when busybox-static is not installed. */
  public static Path create(Path dir) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "needs busybox-static (/bin/busybox)");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"));
    Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
    List<String> applets = new String(list.getInputStream().readAllBytes()).lines().toList();
    list.waitFor();
    for (String applet : applets) {
      if (!applet.equals("busybox")) {
        Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
      }
    }
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Files.writeString(etc.resolve("passwd"), """
        root:x:0:0:root:/root:/bin/sh
        daemon:x:1:1:daemon:/usr/sbin:/bin/false
        nobody:x:65534:65534:nobody:/nonexistent:/bin/false
        app:x:1000:1000:app:/home/app:/bin/sh
        """);
    Files.writeString(etc.resolve("group"), """
        root:x:0:
        daemon:x:1:
        wheel:x:10:app
        audio:x:29:app,nobody
        nogroup:x:65534:
        app:x:1000:
        """);
    Files.createDirectories(dir.resolve("tmp"));
    Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(dir.resolve("home/app"));
    return dir;
  }
}

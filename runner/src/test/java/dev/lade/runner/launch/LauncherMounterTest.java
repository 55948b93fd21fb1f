package dev.lade.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.snapshot.MountSpec;
import dev.lade.runner.snapshot.fs.FileStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's --mount and --unmount, which lade run mounts root filesystems with. */
class LauncherMounterTest {
  @TempDir Path dir;
  private LauncherMounter mounter;
  private Path target;

  @BeforeEach
  void setUp() throws IOException {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting needs root; CI runs as root");
    mounter = new LauncherMounter(LauncherBinary.extract(dir.resolve("cache")));
    target = Files.createDirectory(dir.resolve("target"));
  }

  @Test
  void mountsAndUnmounts() throws IOException {
    long device = FileStat.of(target).dev();
    mounter.mount(new MountSpec("tmpfs", "tmpfs", target, List.of("size=1m", "mode=0700")));
    try {
      assertNotEquals(device, FileStat.of(target).dev(), "a file system is mounted on the target");
      assertEquals(0700, FileStat.of(target).permissions(), "the options reached the kernel");
      Files.writeString(target.resolve("file"), "on the tmpfs");
    } finally {
      mounter.unmount(target);
    }
    assertEquals(device, FileStat.of(target).dev());
    assertTrue(Files.notExists(target.resolve("file")), "the file was on the unmounted tmpfs");
  }

  @Test
  void overlayOfTwoLayers() throws IOException {
    Path lower = Files.createDirectory(dir.resolve("lower"));
    Path upper = Files.createDirectory(dir.resolve("upper"));
    Path work = Files.createDirectory(dir.resolve("work"));
    Files.writeString(lower.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    mounter.mount(new MountSpec("overlay", "overlay", target,
        List.of("lowerdir=" + lower, "upperdir=" + upper, "workdir=" + work)));
    try {
      assertEquals("root:x:0:0:root:/root:/bin/sh\n", Files.readString(target.resolve("passwd")));
      Files.writeString(target.resolve("new"), "written");
    } finally {
      mounter.unmount(target);
    }
    assertEquals("written", Files.readString(upper.resolve("new")));
  }

  @Test
  void failuresSayWhatAndWhy() {
    IOException unknownType = assertThrows(IOException.class,
        () -> mounter.mount(new MountSpec("nosuchfs", "none", target, List.of())));
    assertEquals("mount nosuchfs on " + target + ": No such device", unknownType.getMessage());
    IOException notMounted = assertThrows(IOException.class, () -> mounter.unmount(target));
    assertEquals("umount " + target + ": Invalid argument", notMounted.getMessage());
  }
}

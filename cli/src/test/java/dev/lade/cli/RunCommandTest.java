package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lade run} in the foreground: exit codes as docker run's (the command's own; 125 for lade's failures, 126
 * not executable, 127 not found), one clear line per failure, and nothing left behind.
 */
class RunCommandTest {

  static final Path BUSYBOX = Path.of("/bin/busybox");
  static final Path CGROUPS = Path.of("/sys/fs/cgroup");

  @TempDir Path dir;
  List<String> cgroupsBefore;

  @BeforeEach
  void image() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "containers with limits need root here");
    Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "needs busybox-static");
    Path rootfs = Files.createDirectories(dir.resolve("rootfs/bin"));
    Files.copy(BUSYBOX, rootfs.resolve("busybox"));
    for (String applet : List.of("sh", "true", "echo", "cat", "id", "head", "tr")) {
      Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
    }
    Files.createDirectories(dir.resolve("rootfs/etc"));
    Files.writeString(dir.resolve("rootfs/etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(dir.resolve("rootfs/script"), "#!/bin/sh\necho hi\n");
    Process tar = new ProcessBuilder("tar", "-C", dir.resolve("rootfs").toString(), "-cf",
        dir.resolve("rootfs.tar").toString(), ".").inheritIO().start();
    assertEquals(0, tar.waitFor());
    assertEquals(0, lade("import", dir.resolve("rootfs.tar").toString(), "box:1").exitCode());
    cgroupsBefore = ladeCgroups();
  }

  @AfterEach
  void nothingLeftBehind() throws Exception {
    if (cgroupsBefore == null) {
      return;
    }
    // Other lades on the machine (builds, other test runs) make and remove cgroups meanwhile: only new ones that
    // hold no process, as an exited container's leaked cgroup would, count, and only if they stay (another lade's
    // cgroup is empty too for a moment, before its container joins it or after it exited).
    List<String> left = emptyNewCgroups();
    for (Instant deadline = Instant.now().plusSeconds(10); !left.isEmpty() && Instant.now().isBefore(deadline); ) {
      Thread.sleep(100);
      left = emptyNewCgroups();
    }
    assertEquals(List.of(), left, "no cgroup left");
    String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
    assertTrue(!mounts.contains(dir.toString()), "no mount left under " + dir + ":\n" + mounts);
  }

  private List<String> emptyNewCgroups() throws IOException {
    List<String> found = new ArrayList<>();
    for (String cgroup : ladeCgroups()) {
      if (!cgroupsBefore.contains(cgroup) && isEmpty(Path.of(cgroup))) found.add(cgroup);
    }
    return found;
  }

  @Test
  void theCommandsOwnExitCode() {
    assertEquals(0, lade("run", "--rm", "box:1", "true").exitCode());
    CliRun run = lade("run", "box:1", "sh", "-c", "exit 3");
    assertEquals(3, run.exitCode(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void unknownImage() {
    assertFailure(125, "lade: no such image: nope", lade("run", "nope", "true"));
  }

  @Test
  void commandNotFoundOrNotExecutable() {
    assertFailure(127, "lade: exec: \"nope\": executable file not found in $PATH", lade("run", "box:1", "nope"));
    CliRun run = lade("run", "box:1", "/script");
    assertEquals(126, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("lade: exec: \"/script\": "), run.err());
  }

  @Test
  void noCommandAtAll() {
    assertFailure(125, "lade: no command specified", lade("run", "box:1"));
  }

  @Test
  void unknownUser() {
    assertFailure(125, "lade: unable to find user app: no matching entries in passwd file",
        lade("run", "-u", "app", "box:1", "true"));
  }

  @Test
  void badMountSpec() {
    CliRun run = lade("run", "-v", "data:/data", "box:1", "true");
    assertEquals(125, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("lade: invalid volume specification: 'data:/data'"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void aLimitTheKernelRefuses() {
    // Docker passes any pids limit on; the kernel's pids.max stops at PID_MAX_LIMIT (4194304).
    CliRun run = lade("run", "--pids-limit", "99999999", "box:1", "true");
    assertEquals(125, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("lade: the kernel refused 99999999 for /sys/fs/cgroup/pids/lade/"), run.err());
    assertTrue(run.err().contains("pids.max: Invalid argument"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void cpuSharesTheKernelClampsAreRefusedAsRuncDoes() {
    // The kernel keeps cpu.shares within 2..262144 without an error; docker (runc) reads it back and refuses.
    assertFailure(125, "lade: the minimum allowed cpu-shares is 2", lade("run", "--cpu-shares", "1", "box:1", "true"));
    assertFailure(125, "lade: the maximum allowed cpu-shares is 262144",
        lade("run", "--cpu-shares", "300000", "box:1", "true"));
  }

  @Test
  void outOfMemoryIs137AndSaysSo() {
    CliRun run = lade("run", "--memory", "16m", "box:1", "sh", "-c", "x=$(head -c 64m /dev/zero | tr '\\0' a)");
    assertEquals(137, run.exitCode(), run.err());
    assertEquals("lade: the container ran out of memory and was killed\n", run.err());
  }

  private static void assertFailure(int code, String line, CliRun run) {
    assertEquals(code, run.exitCode(), run.err());
    assertEquals(line + "\n", run.err());
  }

  private CliRun lade(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--root";
    all[1] = dir.resolve("store").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.of(all);
  }

  /**
   * The cgroups of containers (named by their 64-hex ids) on this machine; builds' ({@code build-...}), which other
   * lades make meanwhile, do not count.
   */
  private static boolean isEmpty(Path cgroup) {
    try {
      return Files.readString(cgroup.resolve("cgroup.procs")).isBlank();
    } catch (IOException e) {
      return false; // removed meanwhile
    }
  }

  private static List<String> ladeCgroups() throws IOException {
    List<String> found = new ArrayList<>();
    for (String controller : List.of("memory", "cpu", "pids", "")) {
      Path lade = CGROUPS.resolve(controller).resolve("lade");
      if (Files.isDirectory(lade)) {
        try (Stream<Path> children = Files.list(lade)) {
          children.filter(Files::isDirectory).filter(child -> child.getFileName().toString().matches("[0-9a-f]{64}"))
              .forEach(child -> found.add(child.toString()));
        }
      }
    }
    return found.stream().sorted().toList();
  }
}

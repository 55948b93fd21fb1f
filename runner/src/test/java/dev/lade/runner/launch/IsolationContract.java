package dev.lade.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.ProcessUser;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.testing.ContainerRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every backend must do with Docker's defaults; the native launcher and runc/crun run the same checks, the OCI
 * runtimes being the reference.
 */
interface IsolationContract extends Containers {

  @Test
  default void commandIsPidOneOfItsOwnNamespace() throws Exception {
    ContainerRun run = sh("echo $$; ps -o pid,comm; true"); // true: keeps sh from exec'ing ps
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("1", lines.get(0));
    assertEquals(List.of("1 sh", "ps"), lines.subList(2, lines.size()).stream()
        .map(line -> line.trim().replaceAll("\\s+", " ")).map(line -> line.startsWith("1 ") ? line : "ps").toList(),
        "only the container's own processes are visible: " + run.out());
  }

  @Test
  default void ownHostname() throws Exception {
    RuntimeSpec spec = spec("hostname");
    ContainerRun run = run(spec.withHostname("box-7"));
    assertEquals("box-7\n", run.out());
  }

  @Test
  default void exitCodePassesThrough() throws Exception {
    assertEquals(42, sh("exit 42").code());
  }

  @Test
  default void pidOneIgnoresUnhandledSignalsFromInside() throws Exception {
    // As in Docker: the kernel drops signals a namespace's init has no handler for, even SIGKILL from inside.
    assertEquals(0, sh("kill -9 $$; echo alive").code());
  }

  @Test
  default void signalsAreForwardedToTheContainer() throws Exception {
    Path out = dir().resolve("signal.out");
    RuntimeSpec spec = spec("sh", "-c", "trap 'echo got TERM; exit 5' TERM; echo ready; sleep 30 & wait");
    Stdio stdio = new Stdio(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()),
        ProcessBuilder.Redirect.to(out.toFile()), ProcessBuilder.Redirect.INHERIT);
    try (Execution execution = runtime().start(spec.hostname(), spec, stdio)) {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!Files.readString(out).contains("ready") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      execution.terminate();
      assertEquals(5, execution.waitFor().code());
    }
    assertEquals("ready\ngot TERM\n", Files.readString(out));
  }

  @Test
  default void missingCommandIs127() throws Exception {
    LaunchException e = assertThrows(LaunchException.class, () -> run(spec("no-such-command")));
    assertEquals(127, e.exitCode());
    assertTrue(e.getMessage().contains("no-such-command"), e.getMessage());
  }

  @Test
  default void notExecutableIs126() throws Exception {
    Files.writeString(rootfs().resolve("script"), "#!/bin/sh\necho hi\n");
    LaunchException e = assertThrows(LaunchException.class, () -> run(spec("/script")));
    assertEquals(126, e.exitCode());
  }

  @Test
  default void maskedPathsAreEmptyAndReadOnlyPathsRefuseWrites() throws Exception {
    // Every masked path the kernel has is empty: a directory lists nothing, a file reads nothing.
    ContainerRun run = sh("for p in " + String.join(" ", DockerDefaults.MASKED_PATHS) + "; do "
        + "if [ -d $p ]; then echo $p $(ls -A $p | wc -l); elif [ -e $p ]; then echo $p $(cat $p | wc -c); fi; done; "
        + "for p in " + String.join(" ", DockerDefaults.READONLY_PATHS) + "; do "
        + "awk -v p=$p '$2 == p { split($4, o, \",\"); print p, o[1] }' /proc/mounts; done; "
        + "echo 1 > /proc/sys/vm/drop_caches && echo wrote; echo 1 > /proc/sysrq-trigger && echo wrote; true");
    List<String> lines = run.out().lines().toList();
    assertEquals(0, run.code(), run.out() + run.err());
    // The kernel's /proc and /sys are the host's: what exists there must be in the container, masked.
    for (String path : DockerDefaults.MASKED_PATHS) {
      if (Files.exists(Path.of(path))) {
        assertTrue(lines.contains(path + " 0"), path + " masked: " + run.out());
      }
    }
    for (String path : DockerDefaults.READONLY_PATHS) {
      if (Files.exists(Path.of(path))) {
        assertTrue(lines.contains(path + " ro"), path + " read-only: " + run.out());
      }
    }
    assertFalse(run.out().contains("wrote"), run.out());
    assertTrue(run.err().contains("Read-only file system"), run.err());
  }

  @Test
  default void procSysAndDevAreMountedAsDockersAre() throws Exception {
    ContainerRun run = sh("awk '$2 == \"/proc\" || $2 == \"/sys\" || $2 == \"/dev\" || $2 == \"/dev/shm\" "
        + "|| $2 == \"/dev/pts\" || $2 == \"/dev/mqueue\" { print $2, $3, $4 }' /proc/mounts; touch /sys/x");
    List<String> mounts = run.out().lines().toList();
    assertMount(mounts, "/proc proc", "rw", "nosuid", "nodev", "noexec");
    assertMount(mounts, "/sys sysfs", "ro", "nosuid", "nodev", "noexec");
    assertMount(mounts, "/dev tmpfs", "rw", "nosuid", "size=65536k", "mode=755");
    assertMount(mounts, "/dev/shm tmpfs", "rw", "nosuid", "nodev", "noexec", "size=65536k");
    assertMount(mounts, "/dev/pts devpts", "rw", "nosuid", "noexec", "gid=5", "mode=620", "ptmxmode=666");
    assertMount(mounts, "/dev/mqueue mqueue", "rw", "nosuid", "nodev", "noexec");
    assertTrue(run.err().contains("Read-only file system"), "/sys is read-only: " + run.err());
  }

  private static void assertMount(List<String> mounts, String pointAndType, String... options) {
    String line = mounts.stream().filter(mount -> mount.startsWith(pointAndType + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + pointAndType + " mount in " + mounts));
    List<String> actual = List.of(line.split(" ")[2].split(","));
    assertTrue(actual.containsAll(List.of(options)), pointAndType + ": " + actual);
  }

  @Test
  default void freshProcShowsOnlyTheContainersProcesses() throws Exception {
    ContainerRun run = sh("ls /proc > /tmp/proc; grep -c '^[0-9]' /tmp/proc; readlink /proc/self/ns/pid; true");
    assertEquals("2", run.out().lines().findFirst().orElseThrow().trim(), "sh and ls: " + run.out());
    String hostPidNamespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
    assertNotEquals(hostPidNamespace, run.out().lines().skip(1).findFirst().orElseThrow(), run.out());
  }

  @Test
  default void chrootEscapeIsContained() throws Exception {
    // The classic escape: chroot into a subdirectory without entering it, climb "..", chroot("."). From a chroot
    // it reaches the host (the control below); after pivot_root with the old root detached, there is nothing above.
    Path marker = Files.writeString(dir().resolve("host-marker"), "outside");
    ContainerRun run = run(spec("/probe", "escape", marker.toString()));
    assertEquals("contained\n", run.out(), run.err());
    Process control = new ProcessBuilder("chroot", rootfs().toString(), "/probe", "escape", marker.toString())
        .redirectErrorStream(true).start();
    assertEquals("escaped\n", new String(control.getInputStream().readAllBytes()), "the probe escapes a chroot");
    control.waitFor();
  }

  @Test
  default void devHasDockersDevicesAndLinks() throws Exception {
    ContainerRun run = sh("cd /dev; for d in null zero full random urandom tty; do stat -c '%n %F %t,%T' $d; done; "
        + "for l in fd stdin stdout stderr ptmx; do echo $l $(readlink $l); done; "
        + "echo x > /dev/null && head -c 4 /dev/zero | wc -c");
    assertEquals(List.of("null character special file 1,3", "zero character special file 1,5",
        "full character special file 1,7", "random character special file 1,8",
        "urandom character special file 1,9", "tty character special file 5,0", "fd /proc/self/fd",
        "stdin /proc/self/fd/0", "stdout /proc/self/fd/1", "stderr /proc/self/fd/2", "ptmx pts/ptmx", "4"),
        run.out().lines().map(String::trim).toList(), run.err());
  }

  @Test
  default void capabilitiesAreExactlyDockers14() throws Exception {
    ContainerRun run = sh("grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)' /proc/self/status");
    // CAP_CHOWN 0, DAC_OVERRIDE 1, FOWNER 3, FSETID 4, KILL 5, SETGID 6, SETUID 7, SETPCAP 8, NET_BIND_SERVICE 10,
    // NET_RAW 13, SYS_CHROOT 18, MKNOD 27, AUDIT_WRITE 29, SETFCAP 31: 0xa80425fb.
    assertEquals("""
        CapInh:\t0000000000000000
        CapPrm:\t00000000a80425fb
        CapEff:\t00000000a80425fb
        CapBnd:\t00000000a80425fb
        CapAmb:\t0000000000000000
        """, run.out(), run.err());
  }

  @Test
  default void noNewPrivilegesAndOpenFilesLimit() throws Exception {
    ContainerRun run = sh("grep NoNewPrivs /proc/self/status; ulimit -Sn; ulimit -Hn");
    assertEquals("NoNewPrivs:\t1\n1024\n1024\n", run.out(), run.err());
  }

  @Test
  default void runsAsTheGivenUserWithSupplementaryGroups() throws Exception {
    RuntimeSpec spec = spec("id");
    spec = spec.withProcess(spec.process().withUser(new ProcessUser(1000, 1000, List.of(10, 29))));
    ContainerRun run = run(spec);
    assertEquals("uid=1000(app) gid=1000(app) groups=10(wheel),29(audio)", run.out().trim(), run.err());
  }

  @Test
  default void nonRootUserHasNoCapabilities() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "grep CapEff /proc/self/status; touch /root/x");
    spec = spec.withProcess(spec.process().withUser(new ProcessUser(1000, 1000, List.of())));
    ContainerRun run = run(spec);
    assertEquals("CapEff:\t0000000000000000\n", run.out());
    assertEquals(1, run.code(), "a non-root user cannot write root's directory");
  }

  @Test
  default void bindMountsReadWriteAndReadOnly() throws Exception {
    Path shared = Files.createDirectory(dir().resolve("shared"));
    Files.writeString(shared.resolve("from-host"), "hello");
    RuntimeSpec spec = spec("sh", "-c", "cat /data/from-host; echo back > /data/from-container; "
        + "echo no > /ro/x || echo refused").withExtraMounts(List.of(
            Mount.bind(shared.toString(), "/data", false), Mount.bind(shared.toString(), "/ro", true)));
    ContainerRun run = run(spec);
    assertEquals("hellorefused\n", run.out(), run.err());
    assertEquals("back\n", Files.readString(shared.resolve("from-container")));
    assertFalse(Files.exists(shared.resolve("x")));
  }

  @Test
  default void readOnlyRootAndTmpfs() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "touch /x || echo refused; touch /scratch/y && echo scratch; "
        + "cp /bin/busybox /scratch/b; /scratch/b true || echo noexec")
        .withRootReadonly(true).withExtraMounts(List.of(Mount.tmpfs("/scratch")));
    ContainerRun run = run(spec);
    assertEquals("refused\nscratch\nnoexec\n", run.out(), run.err());
  }

  @Test
  default void workingDirectoryAndEnvironment() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "pwd; echo $GREETING");
    spec = spec.withProcess(spec.process().withCwd("/tmp").withEnv(List.of("PATH=/bin", "GREETING=hi there")));
    assertEquals("/tmp\nhi there\n", run(spec).out());
  }
}

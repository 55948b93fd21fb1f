package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.testing.BusyboxRootfs;
import dev.lade.runner.container.ResolvConf;
import dev.lade.runner.snapshot.fs.Posix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lade run}'s isolation options in real containers, with the answers dockerd 20.10.24 gives for the same
 * runs of the same busybox image ({@code docker run -u}, {@code -v}, {@code --read-only}, {@code --tmpfs},
 * {@code --network}, {@code --hostname}), and what a {@code kill -9} of a foreground lade leaves for the next.
 */
class RunIsolationTest {
  private static final String IMAGE = "busybox:isolation";

  @TempDir static Path root;
  @TempDir Path dir;

  @BeforeAll
  static void image() throws Exception {
    assumeTrue(Posix.isRoot(), "containers need root here (rootless runs are the runner module's tests)");
    Path tar = BusyboxRootfs.writeTar(root.resolve("busybox.tar"));
    assertEquals(ExitCode.OK, lade("import", tar.toString(), "busybox:base").exitCode());
    Path context = Files.createDirectories(root.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), "FROM busybox:base\n"
        + "RUN echo wheel:x:10:builder >> /etc/group && echo audio:x:29:builder >> /etc/group\n");
    CliRun build = lade("build", "--progress", "quiet", "-t", IMAGE, context.toString());
    assertEquals(ExitCode.OK, build.exitCode(), build.err());
  }

  @AfterEach
  void removeAll() {
    for (String id : lade("ps", "-a", "-q").out().lines().toList()) {
      lade("rm", "-f", id);
    }
  }

  @Test
  void userSwitchingWithSupplementaryGroups() {
    assertEquals("uid=1000(builder) gid=1000(builders) groups=10(wheel),29(audio),1000(builders)\n",
        output("-u", "builder", IMAGE, "id"));
    assertEquals("uid=1000(builder) gid=29(audio) groups=29(audio)\n", output("-u", "builder:audio", IMAGE, "id"));
    assertEquals("uid=4242 gid=0(root) groups=0(root)\n", output("-u", "4242", IMAGE, "id"));
  }

  @Test
  void bindMountsReadOnlyRootAndTmpfs() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.writeString(shared.resolve("from-host"), "hello\n");
    String out = output("--read-only", "--tmpfs", "/scratch", "-v", shared + ":/data", "-v", shared + ":/ro:ro",
        IMAGE, "sh", "-c", "cat /data/from-host; echo back > /data/from-container; "
            + "{ echo x > /ro/x; } 2>/dev/null || echo ro refused; touch /x 2>/dev/null || echo root refused; "
            + "touch /scratch/y && echo scratch written; grep ' /scratch ' /proc/mounts | busybox cut -d' ' -f3,4");
    assertEquals("hello\nro refused\nroot refused\nscratch written\ntmpfs rw,nosuid,nodev,noexec,relatime\n", out);
    assertEquals("back\n", Files.readString(shared.resolve("from-container")));
    assertFalse(Files.exists(shared.resolve("x")));
    // docker run -v: "If you use -v to bind-mount a file or directory that does not yet exist on the Docker host,
    // -v creates the endpoint for you. It is always created as a directory."
    Path missing = dir.resolve("made/by/lade");
    assertEquals("empty\n", output("-v", missing + ":/m", IMAGE, "sh", "-c", "ls -A /m; echo empty"));
    assertTrue(Files.isDirectory(missing));
  }

  /** The entries dockerd 20.10 writes first in a container's /etc/hosts (libnetwork's etchosts). */
  private static final String DOCKER_HOSTS = """
        127.0.0.1\tlocalhost
        ::1\tlocalhost ip6-localhost ip6-loopback
        fe00::0\tip6-localnet
        ff00::0\tip6-mcastprefix
        ff02::1\tip6-allnodes
        ff02::2\tip6-allrouters
        """;

  @Test
  void hostnameHostsAndResolvConfAsDockers() throws Exception {
    String script = "cat /etc/hostname /etc/hosts; echo --; cat /etc/resolv.conf; echo --; "
        + "grep ' /etc/' /proc/mounts | busybox cut -d' ' -f2,4 | busybox cut -d, -f1";
    assertEquals("myhost\n" + DOCKER_HOSTS + """
        127.0.0.1\tmyhost
        --
        """ + ResolvConf.derive(ResolvConf.HOST, false) + """
        --
        /etc/resolv.conf rw
        /etc/hostname rw
        /etc/hosts rw
        """, output("--hostname", "myhost", IMAGE, "sh", "-c", script));
    String hostHosts = Files.readString(Path.of("/etc/hosts"));
    assertEquals("web\n" + hostHosts + "--\n" + ResolvConf.derive(ResolvConf.HOST, true) + """
        --
        /etc/resolv.conf ro
        /etc/hostname ro
        /etc/hosts ro
        """, output("--network", "host", "--read-only", "--hostname", "web", IMAGE, "sh", "-c", script));
    // As dockerd 20.10's docker run --network none --hostname myhost: no address, so no entry for the host name.
    assertEquals("myhost\n" + DOCKER_HOSTS + """
        --
        """ + ResolvConf.derive(ResolvConf.HOST, false) + """
        --
        /etc/resolv.conf rw
        /etc/hostname rw
        /etc/hosts rw
        """, output("--network", "none", "--hostname", "myhost", IMAGE, "sh", "-c", script));
  }

  @Test
  void dockersSeccompCapabilitiesAndLimitsHold() {
    // docker run busybox: unshare and mount refused (seccomp and no CAP_SYS_ADMIN), Seccomp: 2 (filter mode).
    String out = output("--pids-limit", "5", IMAGE, "sh", "-c", "busybox unshare -m true 2>/dev/null || echo unshare "
        + "refused; mount -t tmpfs none /tmp 2>/dev/null || echo mount refused; "
        + "grep -E '^(Seccomp|NoNewPrivs|CapEff):' /proc/self/status; "
        + "for i in 1 2 3 4 5 6; do sleep 1 & done; echo all forked");
    assertTrue(out.startsWith("unshare refused\nmount refused\nCapEff:\t00000000a80425fb\nNoNewPrivs:\t1\n"
        + "Seccomp:\t2\n"), out);
    assertTrue(out.contains("can't fork") && !out.contains("all forked"), "five tasks at most: " + out);
  }

  @Test
  void aKilledForegroundLadeLeavesNothingOnceTheNextStarts() throws Exception {
    Process removed = foreground("--rm", "--name", "fg-rm");
    Process kept = foreground("--name", "fg-kept");
    Await.until(() -> running("fg-rm") && running("fg-kept"), "both run");
    String removedId = inspectField("fg-rm", "Id");
    String keptId = inspectField("fg-kept", "Id");
    String keptRootfs = inspectField("fg-kept", "MergedDir");
    removed.destroyForcibly(); // SIGKILL: no shutdown hook stops the container
    kept.destroyForcibly();
    assertTrue(removed.waitFor(10, TimeUnit.SECONDS) && kept.waitFor(10, TimeUnit.SECONDS));
    Await.until(() -> !running("fg-rm") && !running("fg-kept"), "the containers die with their lade");

    assertEquals(0, lade("run", "--rm", IMAGE, "true").exitCode(), "the next start");
    assertFalse(lade("ps", "-a").out().contains("fg-rm"), "--rm: removed");
    assertTrue(lade("ps", "-a").out().contains("Exited (255)"), "kept without --rm, as docker: " + lade("ps", "-a"));
    String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
    assertFalse(mounts.contains(root.toString()), "no mount left:\n" + mounts);
    assertTrue(Files.isDirectory(Path.of(keptRootfs)), "the stopped container's files stay");
    for (String controller : List.of("memory", "cpu", "pids")) {
      assertFalse(Files.exists(Path.of("/sys/fs/cgroup", controller, "lade", removedId)), controller);
      assertFalse(Files.exists(Path.of("/sys/fs/cgroup", controller, "lade", keptId)), controller);
    }
  }

  private static Process foreground(String... options) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "--root", root.toString(), "run"));
    command.addAll(List.of(options));
    command.addAll(List.of(IMAGE, "sleep", "60"));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Runs a detached container with {@code args} to its end; returns what it wrote. */
  private static String output(String... args) {
    String name = "c" + Long.toHexString(System.nanoTime());
    String[] all = new String[args.length + 4];
    all[0] = "run";
    all[1] = "-d";
    all[2] = "--name";
    all[3] = name;
    System.arraycopy(args, 0, all, 4, args.length);
    CliRun run = lade(all);
    assertEquals(0, run.exitCode(), run.err());
    Await.until(() -> !running(name), name + " exited");
    return lade("logs", name).out();
  }

  /** Whether {@code container} exists and runs. */
  private static boolean running(String container) {
    return lade("inspect", container).out().contains("\"Running\": true");
  }

  /** The first value of {@code field} in lade inspect's output for {@code container}, unquoted. */
  private static String inspectField(String container, String field) {
    CliRun inspect = lade("inspect", container);
    Matcher m = Pattern.compile("\"" + field + "\": ([^,\\n]+)").matcher(inspect.out());
    assertTrue(m.find(), field + " in " + inspect.out() + inspect.err());
    return m.group(1).strip().replace("\"", "");
  }

  private static CliRun lade(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--root";
    all[1] = root.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.of(all);
  }
}

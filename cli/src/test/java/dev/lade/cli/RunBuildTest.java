package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.testing.BusyboxRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lade build} with RUN steps: failures, the cache, secrets, cache mounts. */
class RunBuildTest {
  @TempDir Path dir;
  private String store;
  private Path context;

  @BeforeEach
  void base() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "RUN steps need root here; CI runs the suite as root");
    store = dir.resolve("store").toString();
    CliRun imported = CliRun.of("--root", store, "import", BusyboxRootfs.writeTar(dir.resolve("rootfs.tar")).toString(),
        "run-base");
    assertEquals(0, imported.exitCode(), imported.err());
    context = Files.createDirectories(dir.resolve("context"));
  }

  private CliRun build(String dockerfile, String... flags) throws IOException {
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    List<String> args = new ArrayList<>(List.of("--root", store, "build", "--progress", "plain", "-t", "out"));
    args.addAll(List.of(flags));
    args.add(context.toString());
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void failingRunShowsItsOutputAndExitCodeAndFailsWithOne() throws IOException {
    CliRun run = build("FROM run-base\nRUN echo about to fail && exit 3\n");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("about to fail"), run.err());
    assertTrue(run.err().contains("Dockerfile:2: process \"/bin/sh -c echo about to fail && exit 3\" did not complete"
        + " successfully: exit code: 3"), run.err());
  }

  @Test
  void runIsCachedByItsInstructionAndBuildArguments() throws IOException {
    String dockerfile = "FROM run-base\nARG V=1\nRUN echo $V > /v && date +%N > /stamp\n";
    assertEquals(0, build(dockerfile).exitCode());
    CliRun again = build(dockerfile);
    assertTrue(again.err().contains("CACHED"), again.err());
    CliRun changed = build(dockerfile, "--build-arg", "V=2");
    assertEquals(0, changed.exitCode(), changed.err());
    assertFalse(changed.err().contains("CACHED"), "another value of a build argument RUN sees runs it again");
  }

  @Test
  void secretsReachTheStepButNotItsCacheKeyOrHistory() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret"), "first-value");
    String dockerfile = "FROM run-base\nRUN --mount=type=secret,id=tok,required=true test \"$(cat /run/secrets/tok)\""
        + " != '' && echo ok > /ok\n";
    CliRun first = build(dockerfile, "--secret", "id=tok,src=" + secret);
    assertEquals(0, first.exitCode(), first.err());
    Files.writeString(secret, "second-value");
    CliRun second = build(dockerfile, "--secret", "id=tok,src=" + secret);
    assertTrue(second.err().contains("CACHED"), "a secret's value is not part of the cache key: " + second.err());
    CliRun inspect = CliRun.of("--root", store, "inspect", "out");
    assertEquals(0, inspect.exitCode(), inspect.err());
    assertFalse(inspect.out().contains("first-value") || inspect.out().contains("second-value"), inspect.out());
    CliRun missing = build(dockerfile.replace("echo ok", "echo other"));
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("secret tok: not found"), missing.err());
  }

  @Test
  void cacheMountsPersistAcrossBuilds() throws IOException {
    String dockerfile = "FROM run-base\nRUN --mount=type=cache,target=/cache echo $$ >> /cache/runs && wc -l < /cache/runs > /count\n";
    assertEquals(0, build(dockerfile).exitCode());
    CliRun second = build(dockerfile, "--no-cache");
    assertEquals(0, second.exitCode(), second.err());
    Path out = dir.resolve("rootfs");
    CliRun exported = CliRun.of("--root", store, "build", "--progress", "plain", "-o", "type=local,dest=" + out,
        context.toString());
    assertEquals(0, exported.exitCode(), exported.err());
    assertEquals("2", Files.readString(out.resolve("count")).strip(), "the second build saw the first one's file");
  }

  @Test
  void networkModesAsBuildKitDocumentsThem() throws IOException {
    // BuildKit: default and host reach the host's network (lade has no bridge of its own), none has loopback only.
    String interfaces = "sed -n 's/^ *\\([^:]*\\):.*/\\1/p' /proc/net/dev | sort";
    String dockerfile = "FROM run-base\nRUN --network=none " + interfaces + " > /none.txt\n"
        + "RUN --network=host " + interfaces + " > /host.txt\nRUN " + interfaces + " > /default.txt\n";
    Path out = dir.resolve("rootfs");
    CliRun built = build(dockerfile, "-o", "type=local,dest=" + out);
    assertEquals(0, built.exitCode(), built.err());
    List<String> host = Files.readAllLines(Path.of("/proc/net/dev")).stream().skip(2)
        .map(line -> line.substring(0, line.indexOf(':')).strip()).sorted().toList();
    assertEquals(List.of("lo"), Files.readAllLines(out.resolve("none.txt")));
    assertEquals(host, Files.readAllLines(out.resolve("host.txt")));
    assertEquals(host, Files.readAllLines(out.resolve("default.txt")));
  }

  @Test
  void sshMountForwardsARealAgent() throws Exception {
    Path keyDir = Files.createDirectories(dir.resolve("ssh"));
    Path key = keyDir.resolve("id_ed25519");
    Path socket = Files.createTempDirectory(Path.of("/tmp"), "lade-ssh-").resolve("agent.sock");
    Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertEquals(0, exec(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "lade-test-key", "-f",
          key.toString()));
      for (int i = 0; i < 100 && !Files.exists(socket); i++) Thread.sleep(20);
      assertEquals(0, exec(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", "-q", key.toString()));
      // The host's ssh-add and its libraries, run in the step through the dynamic loader.
      Path tools = Files.createDirectories(context.resolve("tools"));
      copyWithLibraries(Path.of("/usr/bin/ssh-add"), tools);
      String dockerfile = "FROM run-base\nRUN --mount=type=bind,source=tools,target=/tools --mount=type=ssh"
          + " /tools/ld.so --library-path /tools /tools/ssh-add -l > /keys.txt\n";
      Path out = dir.resolve("rootfs");
      CliRun built = build(dockerfile, "--ssh", "default=" + socket, "-o", "type=local,dest=" + out);
      assertEquals(0, built.exitCode(), built.err());
      String keys = Files.readString(out.resolve("keys.txt"));
      assertTrue(keys.contains("lade-test-key (ED25519)"), keys);
    } finally {
      agent.destroy();
      agent.waitFor();
      Files.deleteIfExists(socket);
      Files.deleteIfExists(socket.getParent());
    }
  }

  private static int exec(Map<String, String> env, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    return pb.start().waitFor();
  }

  /** Copies {@code binary} and the shared libraries ldd lists for it into {@code dir}, the loader as ld.so. */
  private static void copyWithLibraries(Path binary, Path dir) throws IOException, InterruptedException {
    Files.copy(binary, dir.resolve(binary.getFileName()));
    Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
    String listing = new String(ldd.getInputStream().readAllBytes());
    assertEquals(0, ldd.waitFor(), listing);
    for (String line : listing.lines().toList()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(/\\S+)").matcher(line);
      if (!m.find()) continue;
      Path lib = Path.of(m.group(1));
      String name = line.strip().startsWith("/") ? "ld.so" : lib.getFileName().toString();
      Files.copy(lib, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

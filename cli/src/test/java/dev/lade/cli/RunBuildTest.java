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
}

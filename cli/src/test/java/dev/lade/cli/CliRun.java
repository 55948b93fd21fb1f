package dev.lade.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One in-process lade invocation with its exit code and captured output, for tests. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs with {@code stdin} as standard input. */
  static CliRun withInput(String stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return of(args);
    } finally {
      System.setIn(saved);
    }
  }

  /**
   * Imports a busybox-static root filesystem as {@code image} into the store at {@code root}, for tests that run
   * containers (as root: CI's user here).
   */
  static void importBusybox(Path root, String image) throws java.io.IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(dev.lade.runner.snapshot.fs.Posix.isRoot(),
        "containers need root here (rootless runs are the runner module's tests)");
    Path tar = dev.lade.oci.testing.BusyboxRootfs.writeTar(root.resolve("busybox.tar"));
    CliRun imported = of("--root", root.toString(), "import", tar.toString(), image);
    org.junit.jupiter.api.Assertions.assertEquals(ExitCode.OK, imported.exitCode(), imported.err());
  }

  /** A path under the repository root (surefire sets {@code lade.repo}). */
  static Path repoPath(String relative) {
    return Path.of(System.getProperty("lade.repo", ".."), relative);
  }
}

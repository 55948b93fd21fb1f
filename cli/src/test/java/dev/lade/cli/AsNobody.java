package dev.lade.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * lade run by {@code nobody} in a JVM of its own (through setpriv, as the runner's rootless tests
 * start the launcher): its classpath copied where nobody can read it, its home in a directory of
 * its own under /tmp, deleted on {@link #close()}.
 */
final class AsNobody implements AutoCloseable {
  static final int NOBODY = 65534;

  private final Path dir;
  private final String classpath;

  private AsNobody(Path dir, String classpath) {
    this.dir = dir;
    this.classpath = classpath;
  }

  /** Prepares a directory for nobody's lade. */
  static AsNobody create() throws IOException {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "lade-nobody-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path lib = Files.createDirectories(dir.resolve("lib"));
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isRegularFile(path)) {
        entries.add(Files.copy(path, lib.resolve(entries.size() + "-" + path.getFileName())).toString());
      } else if (Files.isDirectory(path)) {
        entries.add(entry); // the modules' classes, under the world-readable worktree
      }
    }
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.setAttribute(home, "unix:uid", NOBODY);
    Files.setAttribute(home, "unix:gid", NOBODY);
    return new AsNobody(dir, String.join(java.io.File.pathSeparator, entries));
  }

  /** nobody's home: give it what nobody must write (its store). */
  Path home() {
    return dir.resolve("home");
  }

  /** Runs lade with {@code args} as nobody. */
  CliRun run(List<String> args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
        "--clear-groups", "env", "HOME=" + home(), "XDG_RUNTIME_DIR=" + home(), java.toString(),
        "-Duser.home=" + home(), "-Djava.io.tmpdir=" + home(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", classpath, Main.class.getName()));
    command.addAll(args);
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process process = new ProcessBuilder(command).redirectInput(Path.of("/dev/null").toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = process.waitFor();
    return new CliRun(code, Files.readString(out), Files.readString(err));
  }

  @Override
  public void close() throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}

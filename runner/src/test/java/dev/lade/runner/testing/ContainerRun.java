package dev.lade.runner.testing;

import dev.lade.runner.launch.ContainerRuntime;
import dev.lade.runner.launch.ExitStatus;
import dev.lade.runner.launch.LaunchException;
import dev.lade.runner.launch.Stdio;
import dev.lade.runner.spec.RuntimeSpec;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One finished container run with its output.
 *
 * @param status how it ended
 * @param out its standard output
 * @param err its standard error
 */
public record ContainerRun(ExitStatus status, String out, String err) {

  /** Runs {@code spec} to its end with stdin empty and the output captured in files under {@code dir}. */
  public static ContainerRun run(ContainerRuntime runtime, String id, RuntimeSpec spec, Path dir)
      throws IOException, InterruptedException, LaunchException {
    Path out = dir.resolve(id + ".out");
    Path err = dir.resolve(id + ".err");
    Stdio stdio = new Stdio(Redirect.from(Path.of("/dev/null").toFile()), Redirect.to(out.toFile()),
        Redirect.to(err.toFile()));
    ExitStatus status = runtime.run(id, spec, stdio);
    return new ContainerRun(status, Files.readString(out), Files.readString(err));
  }

  /** The exit code. */
  public int code() {
    return status.code();
  }
}

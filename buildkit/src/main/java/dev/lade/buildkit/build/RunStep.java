package dev.lade.buildkit.build;

import dev.lade.buildkit.config.Commands;
import dev.lade.buildkit.config.ImageLayer;
import dev.lade.buildkit.config.StageImage;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.run.RunMount;
import dev.lade.buildkit.run.RunRequest;
import dev.lade.buildkit.run.RunResult;
import dev.lade.dockerfile.ast.CommandLine;
import dev.lade.dockerfile.ast.Mount;
import dev.lade.dockerfile.ast.Run;
import dev.lade.dockerfile.parser.Heredoc;
import dev.lade.dockerfile.scope.StageState;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A RUN step described for the {@link dev.lade.buildkit.run.RunExecutor}, with its history and cache key. */
final class RunStep {
  private RunStep() {}

  /**
   * A planned RUN.
   *
   * @param request what the executor is asked to run
   * @param history the step's history entry
   * @param keyParts what its cache key is made of
   */
  record Planned(RunRequest request, String history, List<Object> keyParts) {
    /** Runs the process; a non-zero exit fails the step as BuildKit words it. */
    List<LayerEntry> execute(BuildSession session, int line) throws IOException {
      RunResult result;
      try {
        result = session.env.runner().orElseThrow().run(request);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      }
      if (result.exitCode() != 0) {
        throw session.failed(line, "process \"" + String.join(" ", request.args())
            + "\" did not complete successfully: exit code: " + result.exitCode(), null);
      }
      return result.changes();
    }
  }

  static Planned plan(BuildSession session, Run run, StageImage image, StageState variables, FileSteps files,
      FileTree rootfs) throws IOException {
    String os = image.platform().os();
    List<String> args = switch (run.command()) {
      case CommandLine.ExecForm exec -> exec.args();
      case CommandLine.ShellForm shell -> Commands.withShell(image.config().shell(), os, script(shell, run.heredocs()));
    };
    List<String> env = new ArrayList<>(variables.env().entries());
    env.addAll(session.request.proxyEnv());
    List<RunMount> mounts = new ArrayList<>();
    for (Mount m : run.mounts()) mounts.add(new RunMount(m, source(m, files, session, run)));
    String user = image.config().user();
    String workdir = image.config().workingDir().isEmpty() ? "/" : image.config().workingDir();
    RunRequest request = new RunRequest(session.env.store().blobs(),
        image.layers().stream().map(ImageLayer::blob).toList(), rootfs, args, env, user, workdir, mounts,
        run.network(), run.security(), image.platform());
    List<Object> key = List.of("RUN", args, env, user, workdir, run.mounts(), run.network(), run.security());
    return new Planned(request, RunHistory.of(args, variables), key);
  }

  /** BuildKit passes heredocs to the shell with the command line, bodies and terminators restored. */
  private static String script(CommandLine.ShellForm shell, List<Heredoc> heredocs) {
    if (heredocs.isEmpty()) return shell.script();
    StringBuilder sb = new StringBuilder(shell.script());
    for (Heredoc h : heredocs) sb.append('\n').append(h.content()).append(h.name());
    return sb.toString();
  }

  private static Optional<FileTree> source(Mount m, FileSteps files, BuildSession session, Run at) throws IOException {
    Optional<String> from = switch (m) {
      case Mount.Bind b -> b.from().or(() -> Optional.of(""));
      case Mount.Cache c -> c.from();
      default -> Optional.empty();
    };
    if (from.isEmpty()) return Optional.empty();
    return Optional.of(from.get().isEmpty() ? session.context() : files.named(from.get(), at));
  }
}

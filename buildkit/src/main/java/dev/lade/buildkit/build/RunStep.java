package dev.lade.buildkit.build;

import dev.lade.buildkit.config.Commands;
import dev.lade.buildkit.config.ImageLayer;
import dev.lade.buildkit.config.StageImage;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.run.MountSources;
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
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A RUN step described for the {@link dev.lade.buildkit.run.RunExecutor}, with its history and cache key. */
final class RunStep {
  private RunStep() {}

  /**
   * A planned RUN: what the executor is asked to run, the step's history entry and what its cache
   * key is made of. Closing it releases the executor's result once its layer is written.
   */
  static final class Planned implements AutoCloseable {
    private final RunRequest request;
    private final String history;
    private final List<Object> keyParts;
    private RunResult result;

    Planned(RunRequest request, String history, List<Object> keyParts) {
      this.request = request;
      this.history = history;
      this.keyParts = List.copyOf(keyParts);
    }

    String history() {
      return history;
    }

    List<Object> keyParts() {
      return keyParts;
    }

    /** Runs the process, its output to {@code output}; a non-zero exit fails the step as BuildKit words it. */
    List<LayerEntry> execute(BuildSession session, int line, Consumer<String> output) throws IOException {
      try {
        result = session.env.runner().orElseThrow().run(request, output);
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

    /** Tells the executor which layer its changes were written as. */
    void written(ImageLayer layer) throws IOException {
      if (result != null) result.written().layer(layer);
    }

    @Override
    public void close() throws IOException {
      if (result != null) result.close();
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
    RunRequest request = new RunRequest(session.env.store().blobs(), image.layers(), rootfs, args, env, user,
        workdir, mounts, run.network(), run.security(), image.platform());
    List<Object> key = new ArrayList<>(List.of("RUN", args, env, user, workdir, run.mounts(), run.network(),
        run.security()));
    for (RunMount m : mounts) key.add(sourceChecksum(m, session, run));
    return new Planned(request, RunHistory.of(args, variables), key);
  }

  /** A bind mount's source is an input of the step: its contents are part of the cache key. */
  private static String sourceChecksum(RunMount m, BuildSession session, Run at) throws IOException {
    if (!(m.mount() instanceof Mount.Bind b) || m.source().isEmpty()) return "";
    try {
      return MountSources.checksum(m.source().get(), b.source()).toString();
    } catch (NoSuchFileException e) {
      throw session.failed(at.location().startLine(), "failed to compute cache key: \"/" + MountSources.clean(b.source())
          + "\" not found", e);
    }
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

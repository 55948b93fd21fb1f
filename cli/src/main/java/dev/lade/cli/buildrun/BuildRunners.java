package dev.lade.cli.buildrun;

import dev.lade.buildkit.run.RunExecutor;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.runner.build.CacheMounts;
import dev.lade.runner.build.StepRunner;
import dev.lade.runner.launch.LaunchException;
import dev.lade.runner.launch.Runtimes;
import dev.lade.runner.snapshot.Snapshotter;
import dev.lade.runner.snapshot.SnapshotterKind;
import dev.lade.runner.snapshot.Snapshotters;
import java.io.IOException;

/** Makes the RUN executor of {@code lade build}. */
public final class BuildRunners {
  private BuildRunners() {}

  /**
   * An executor over {@code store}'s snapshots and cache mounts, with lade's native launcher, set
   * up when the first RUN step needs it (a build without RUN pays nothing). Snapshots left by
   * builds that died are removed then.
   */
  public static RunExecutor lazy(OciLayoutStore store, SnapshotterKind kind, BuildSecrets secrets, SshAgents agents) {
    return new RunExecutor() {
      private RunnerExecutor executor;

      @Override
      public dev.lade.buildkit.run.RunResult run(dev.lade.buildkit.run.RunRequest request,
          java.util.function.Consumer<String> output) throws IOException, InterruptedException {
        return executor().run(request, output);
      }

      private synchronized RunnerExecutor executor() throws IOException {
        if (executor == null) executor = open(store, kind, secrets, agents);
        return executor;
      }
    };
  }

  /** An executor set up now. */
  public static RunnerExecutor open(OciLayoutStore store, SnapshotterKind kind, BuildSecrets secrets, SshAgents agents)
      throws IOException {
    Snapshotter snapshots = Snapshotters.openForLauncherMounts(store.root().resolve("snapshots"), store.blobs(), kind);
    snapshots.cleanupStale();
    try {
      StepRunner runner = new StepRunner(snapshots, Runtimes.named("native"), Runtimes.stateDir().resolve("build"));
      return new RunnerExecutor(runner, new CacheMounts(store.root().resolve("cache-mounts")), secrets, agents,
          Runtimes.stateDir().resolve("build"));
    } catch (LaunchException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}

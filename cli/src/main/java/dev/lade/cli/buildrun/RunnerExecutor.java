package dev.lade.cli.buildrun;

import dev.lade.buildkit.config.ImageLayer;
import dev.lade.buildkit.run.RunExecutor;
import dev.lade.buildkit.run.RunRequest;
import dev.lade.buildkit.run.RunResult;
import dev.lade.dockerfile.ast.NetworkMode;
import dev.lade.dockerfile.ast.SecurityMode;
import dev.lade.runner.build.CacheMounts;
import dev.lade.runner.build.StepOutcome;
import dev.lade.runner.build.StepProcess;
import dev.lade.runner.build.StepRunner;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The builder's RUN on lade's runner. {@code --network=default} shares the host's network, as
 * BuildKit's default reaches the network (lade has no bridge of its own); {@code none} gets
 * loopback only.
 */
public final class RunnerExecutor implements RunExecutor {
  private final StepRunner runner;
  private final CacheMounts caches;
  private final BuildSecrets secrets;
  private final SshAgents agents;
  private final Path scratch;

  /**
   * @param scratch where mounts' copies and secrets live while a step runs
   */
  public RunnerExecutor(StepRunner runner, CacheMounts caches, BuildSecrets secrets, SshAgents agents, Path scratch) {
    this.runner = runner;
    this.caches = caches;
    this.secrets = secrets;
    this.agents = agents;
    this.scratch = scratch;
  }

  @Override
  public RunResult run(RunRequest request, Consumer<String> output) throws IOException, InterruptedException {
    if (request.security() == SecurityMode.INSECURE) {
      throw new IOException("RUN --security=insecure is not supported: lade runs every step sandboxed");
    }
    List<SnapshotLayer> chain = new ArrayList<>();
    for (ImageLayer layer : request.layers()) chain.add(new SnapshotLayer(layer.diffId(), layer.blob().digest()));
    try (StepMounts mounts = StepMounts.prepare(request.mounts(), request.workdir(), scratch, caches, secrets, agents)) {
      List<String> env = new ArrayList<>(request.env());
      env.addAll(mounts.env());
      StepProcess step = new StepProcess(chain, request.args(), env, request.user(), request.workdir(),
          mounts.mounts(), request.network() != NetworkMode.NONE);
      StepOutcome outcome = runner.run(step, output);
      return new RunResult(outcome.exitCode(), outcome.changes(), outcome::close,
          layer -> outcome.written(new SnapshotLayer(layer.diffId(), layer.blob().digest())));
    }
  }
}

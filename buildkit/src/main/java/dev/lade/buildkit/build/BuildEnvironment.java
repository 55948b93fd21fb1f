package dev.lade.buildkit.build;

import dev.lade.buildkit.fs.FileCopier;
import dev.lade.buildkit.progress.BuildProgress;
import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.buildkit.run.RunExecutor;
import dev.lade.oci.store.OciLayoutStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What a build runs with, besides the request.
 *
 * @param store the image store: base images, layers, the build cache
 * @param trees opens the context and root filesystems
 * @param copier carries out COPY and ADD
 * @param runner executes RUN; empty until lade's runner is wired in
 * @param puller fetches base images the store does not have (or all of them with {@code --pull})
 * @param progress where steps are reported
 * @param clock the time new history entries get without SOURCE_DATE_EPOCH
 */
public record BuildEnvironment(
    OciLayoutStore store, FileTrees trees, FileCopier copier, Optional<RunExecutor> runner,
    ImagePuller puller, BuildProgress progress, Clock clock) {
  public BuildEnvironment {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(trees, "trees");
    Objects.requireNonNull(copier, "copier");
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(puller, "puller");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(clock, "clock");
  }
}

package dev.lade.buildkit.run;

import dev.lade.buildkit.config.ImageLayer;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.dockerfile.ast.NetworkMode;
import dev.lade.dockerfile.ast.SecurityMode;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.BlobStore;
import java.util.List;

/**
 * One RUN step to execute.
 *
 * @param blobs where the layers are
 * @param layers the root filesystem's layers (blob and diff ID), base first, to unpack or mount as
 *     the snapshot
 * @param rootfs the same root filesystem as a tree, for reading single files
 * @param args the process's arguments (shell form already prefixed with the stage's SHELL)
 * @param env the environment: the stage's ENV, ARG values and proxy build arguments (never
 *     secrets: the executor adds those, so they stay out of the cache key and history)
 * @param user the user (and group) to run as, as written in USER; empty for root
 * @param workdir the working directory, absolute
 * @param mounts the {@code --mount}s, their sources resolved
 * @param network the {@code --network} mode
 * @param security the {@code --security} mode
 * @param platform the platform the process runs for
 */
public record RunRequest(
    BlobStore blobs, List<ImageLayer> layers, FileTree rootfs, List<String> args, List<String> env,
    String user, String workdir, List<RunMount> mounts, NetworkMode network, SecurityMode security,
    Platform platform) {
  public RunRequest {
    layers = List.copyOf(layers);
    args = List.copyOf(args);
    env = List.copyOf(env);
    mounts = List.copyOf(mounts);
  }
}

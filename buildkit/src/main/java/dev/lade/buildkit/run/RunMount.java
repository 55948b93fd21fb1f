package dev.lade.buildkit.run;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.dockerfile.ast.Mount;
import java.util.Optional;

/**
 * A {@code RUN --mount} with its source resolved.
 *
 * @param mount the mount as written, its values expanded; a relative target already resolved
 *     against the working directory
 * @param source the tree a bind or cache mount reads from: the build context, or the stage or
 *     image of {@code from=}; empty for mounts without one (tmpfs, secret, ssh, an empty cache)
 */
public record RunMount(Mount mount, Optional<FileTree> source) {}

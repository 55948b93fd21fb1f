package dev.lade.buildkit.fs;

import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A read-only filesystem tree the builder reads files from: a build context, the root filesystem
 * of a base image, or the result of an earlier stage.
 *
 * <p>Paths are in {@link LayerEntry} form: relative to the root, {@code /}-separated, no leading
 * or trailing slash, already cleaned; the empty string is the root itself. Nothing here follows
 * symlinks: resolving them, inside the tree and never out of it, is the caller's job, because
 * COPY and ADD follow them differently for sources and destinations.
 */
public interface FileTree {

  /**
   * The entry at {@code path} as it would be written to a layer (for a regular file, with a
   * {@link dev.lade.oci.layer.ContentSource} that opens its content), or empty when nothing is
   * there.
   */
  Optional<LayerEntry> lookup(String path) throws IOException;

  /** The names of a directory's children in byte order; empty when {@code path} is not a directory. */
  List<String> children(String path) throws IOException;

  /**
   * Announces that the contents of the regular files at {@code paths} are about to be read, so a
   * tree whose contents are expensive to reach one at a time (an image's compressed layers) can
   * fetch them together. Optional: contents open without it, only perhaps more slowly.
   */
  default void prefetch(Collection<String> paths) throws IOException {}
}

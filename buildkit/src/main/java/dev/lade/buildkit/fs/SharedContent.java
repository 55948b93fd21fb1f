package dev.lade.buildkit.fs;

import dev.lade.oci.layer.ContentSource;

/**
 * A file's content that knows which inode it belongs to, so that files hard-linked together in the
 * source tree stay hard-linked in the layer COPY writes, as BuildKit's copier keeps them.
 */
public interface SharedContent extends ContentSource {
  /**
   * Equal for, and only for, paths of the same tree that share one inode (two names of one
   * hard-linked file); may be null when the file is known to have a single name.
   */
  Object inode();
}

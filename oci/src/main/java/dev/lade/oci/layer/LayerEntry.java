package dev.lade.oci.layer;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a layer. Paths are relative to the root of the filesystem, use {@code /} as the
 * separator, and have neither a leading nor a trailing slash ({@code usr/bin/env}). Deletions are
 * {@link Whiteout} and {@link OpaqueDirectory}, written as the OCI image specification's
 * AUFS-style {@code .wh.} files.
 */
public sealed interface LayerEntry {
  /** Where the entry lives; for whiteouts, the path that is deleted. */
  String path();

  /** A regular file of {@code size} bytes whose content {@code content} opens. */
  record File(String path, EntryMetadata metadata, long size, ContentSource content)
      implements LayerEntry {
    public File {
      path = LayerPaths.check(path);
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(content, "content");
      if (size < 0) throw new IllegalArgumentException("negative size " + size + " for " + path);
    }
  }

  /** A directory; written with a trailing slash. */
  record Directory(String path, EntryMetadata metadata) implements LayerEntry {
    public Directory {
      path = LayerPaths.check(path);
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /** A symbolic link to {@code target}, which is stored verbatim (it may be absolute or dangle). */
  record Symlink(String path, String target, EntryMetadata metadata) implements LayerEntry {
    public Symlink {
      path = LayerPaths.check(path);
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /**
   * A hard link to {@code target}, another path of the same layer that must come earlier in the
   * layer's order. The metadata is the shared inode's, as containerd writes it.
   */
  record Hardlink(String path, String target, EntryMetadata metadata) implements LayerEntry {
    public Hardlink {
      path = LayerPaths.check(path);
      target = LayerPaths.check(target);
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /** A character device such as {@code dev/null} (1, 3). */
  record CharDevice(String path, EntryMetadata metadata, long major, long minor)
      implements LayerEntry {
    public CharDevice {
      path = LayerPaths.check(path);
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /** A block device. */
  record BlockDevice(String path, EntryMetadata metadata, long major, long minor)
      implements LayerEntry {
    public BlockDevice {
      path = LayerPaths.check(path);
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /** A named pipe. */
  record Fifo(String path, EntryMetadata metadata) implements LayerEntry {
    public Fifo {
      path = LayerPaths.check(path);
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /**
   * The deletion of {@code path} from lower layers, written as an empty file {@code .wh.NAME} next
   * to it with mode 0, owner 0 and the modification time {@code modTime}.
   */
  record Whiteout(String path, Instant modTime) implements LayerEntry {
    public Whiteout {
      path = LayerPaths.check(path);
      Objects.requireNonNull(modTime, "modTime");
    }

    /** A whiteout with mtime 0. */
    public Whiteout(String path) {
      this(path, Instant.EPOCH);
    }
  }

  /**
   * A directory whose lower-layer content is hidden, written as the empty file {@code
   * DIR/.wh..wh..opq}. The directory itself is a separate {@link Directory} entry.
   */
  record OpaqueDirectory(String path, Instant modTime) implements LayerEntry {
    public OpaqueDirectory {
      path = LayerPaths.check(path);
      Objects.requireNonNull(modTime, "modTime");
    }

    /** An opaque marker with mtime 0. */
    public OpaqueDirectory(String path) {
      this(path, Instant.EPOCH);
    }
  }
}

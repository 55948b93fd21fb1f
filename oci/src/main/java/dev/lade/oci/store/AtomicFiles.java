package dev.lade.oci.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/** Durable, atomic file updates: write a temp file, fsync it, rename it into place, fsync the directory. */
public final class AtomicFiles {
  private static final java.util.Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code bytes}, staging them in {@code tmpDir}. */
  public static void write(Path tmpDir, Path target, byte[] bytes) throws IOException {
    Path tmp = AtomicFiles.createTemp(tmpDir, "file-");
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) channel.write(buffer);
        channel.force(true);
      }
      commit(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A new empty temp file in {@code tmpDir}, readable by all like the store's other files. */
  public static Path createTemp(Path tmpDir, String prefix) throws IOException {
    try {
      return Files.createTempFile(tmpDir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(READABLE));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(tmpDir, prefix, ".tmp");
    }
  }

  /** Renames the synced {@code tmp} onto {@code target} (replacing it) and syncs the directory. */
  public static void commit(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename atomically into " + target + ": " + e.getMessage(), e);
    }
    syncDirectory(target.getParent());
  }

  /** Flushes a directory's entries, so a rename survives a crash. */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to sync directories; the rename itself is still atomic.
    }
  }
}

package dev.lade.runner.snapshot.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removing things from directory trees without following symbolic links or crossing mounts. */
public final class Trees {
  private Trees() {}

  /** The status of {@code path}, or null if nothing is there. */
  public static FileStat statOrNull(Path path) throws IOException {
    try {
      return FileStat.of(path);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Removes whatever is at {@code path}: a file, a link, or a whole directory tree. */
  public static void removeExisting(Path path) throws IOException {
    FileStat stat = statOrNull(path);
    if (stat == null) return;
    if (stat.isDirectory()) {
      deleteTree(path);
    } else {
      Files.delete(path);
    }
  }

  /**
   * Deletes a directory tree, making this user's unreadable or read-only directories its own to
   * empty. Refuses to descend into another file system, so a mount left inside (a snapshot's
   * overlay) is never emptied through.
   */
  public static void deleteTree(Path dir) throws IOException {
    FileStat top = statOrNull(dir);
    if (top == null) return;
    long device = top.dev();
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        FileStat stat = FileStat.of(d);
        if (stat.dev() != device) throw new IOException(d + ": still mounted, not deleting through it");
        // Rootless, permissions bind the owner too: overlayfs leaves its work/work at mode 0, steps may
        // leave read-only directories. Root needs none of this.
        if ((stat.permissions() & 0700) != 0700 && !Posix.isRoot()) Posix.chmod(d, stat.permissions() | 0700);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        FileStat stat = e instanceof AccessDeniedException && !Posix.isRoot() ? statOrNull(file) : null;
        if (stat == null || !stat.isDirectory() || (stat.permissions() & 0700) == 0700) throw e;
        Posix.chmod(file, stat.permissions() | 0700); // unreadable: made readable, then emptied
        deleteTree(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) throw e;
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}

package dev.lade.oci.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A reader-writer lock shared by threads and processes, on a lock file. A JVM may hold only one
 * {@link FileLock} per file region, so threads first agree among themselves with a {@link
 * ReentrantReadWriteLock}, and the file lock is taken by the first shared holder (released by the
 * last) or by the exclusive holder. One instance per file per JVM, from {@link #of}.
 */
public final class LockFile {
  private static final Map<Path, LockFile> OPEN = new ConcurrentHashMap<>();

  private final Path path;
  private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock();
  private FileChannel channel;
  private FileLock sharedFileLock;
  private int sharedHolders;

  private LockFile(Path path) {
    this.path = path;
  }

  /** The JVM's lock for {@code path}; the file is created when first locked. */
  public static LockFile of(Path path) {
    return OPEN.computeIfAbsent(path.toAbsolutePath().normalize(), LockFile::new);
  }

  /** Blocks until no one holds the lock exclusively, then holds it shared. */
  public Lease shared() throws IOException {
    threads.readLock().lock();
    try {
      // A thread holding the lock exclusively already has the file locked.
      if (!threads.isWriteLockedByCurrentThread()) acquireSharedFileLock();
    } catch (IOException | RuntimeException e) {
      threads.readLock().unlock();
      throw e;
    }
    boolean nested = threads.isWriteLockedByCurrentThread();
    return () -> {
      if (!nested) releaseSharedFileLock();
      threads.readLock().unlock();
    };
  }

  /** Blocks until no one else holds the lock, then holds it exclusively. */
  public Lease exclusive() throws IOException {
    threads.writeLock().lock();
    try {
      return exclusiveHolding(channel().lock());
    } catch (IOException | RuntimeException e) {
      threads.writeLock().unlock();
      throw e;
    }
  }

  /** Holds the lock exclusively if that is possible right now. */
  public Optional<Lease> tryExclusive() throws IOException {
    if (!threads.writeLock().tryLock()) return Optional.empty();
    try {
      FileLock lock = channel().tryLock();
      if (lock == null) {
        threads.writeLock().unlock();
        return Optional.empty();
      }
      return Optional.of(exclusiveHolding(lock));
    } catch (IOException | RuntimeException e) {
      threads.writeLock().unlock();
      throw e;
    }
  }

  private Lease exclusiveHolding(FileLock lock) {
    return () -> {
      try {
        lock.release();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot unlock " + path, e);
      } finally {
        threads.writeLock().unlock();
      }
    };
  }

  private synchronized void acquireSharedFileLock() throws IOException {
    if (sharedHolders == 0) sharedFileLock = channel().lock(0, Long.MAX_VALUE, true);
    sharedHolders++;
  }

  private synchronized void releaseSharedFileLock() {
    if (--sharedHolders > 0) return;
    try {
      sharedFileLock.release();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unlock " + path, e);
    } finally {
      sharedFileLock = null;
    }
  }

  // The channel stays open: closing it would drop every lock this JVM holds on the file.
  private synchronized FileChannel channel() throws IOException {
    if (channel == null) {
      channel = FileChannel.open(
          path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    return channel;
  }
}

package dev.lade.runner.build;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.store.Lease;
import dev.lade.oci.store.LockFile;
import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The directories of {@code RUN --mount=type=cache}, kept between builds under the store:
 *
 * <pre>
 * ROOT/&lt;sha256 of the id&gt;/0/          the cache (PRIVATE users that find it taken get 1, 2, ...)
 * ROOT/&lt;sha256 of the id&gt;/0.lock      held shared by SHARED users, exclusively by LOCKED and PRIVATE ones
 * ROOT/&lt;sha256 of the id&gt;/create.lock held while a directory is made
 * </pre>
 *
 * A new directory gets the mount's owner and mode; an existing one keeps what the steps made of it,
 * as BuildKit's cache mounts do.
 */
public final class CacheMounts {
  private final Path root;

  /** @param root where the caches live ({@code $LADE_ROOT/cache-mounts}) */
  public CacheMounts(Path root) {
    this.root = root;
  }

  /**
   * The cache {@code id}, held as {@code sharing} says (waiting if it is LOCKED by another step).
   *
   * @param mode the permission bits of a new directory
   */
  public CacheDir acquire(String id, CacheSharing sharing, int uid, int gid, int mode) throws IOException {
    Path dir = root.resolve(Digest.sha256(id.getBytes(StandardCharsets.UTF_8)).hex());
    Files.createDirectories(dir);
    return switch (sharing) {
      case SHARED -> open(dir, 0, LockFile.of(dir.resolve("0.lock")).shared(), uid, gid, mode);
      case LOCKED -> open(dir, 0, LockFile.of(dir.resolve("0.lock")).exclusive(), uid, gid, mode);
      case PRIVATE -> {
        for (int instance = 0; ; instance++) {
          Optional<Lease> lease = tryExclusive(dir.resolve(instance + ".lock"));
          if (lease.isPresent()) yield open(dir, instance, lease.get(), uid, gid, mode);
        }
      }
    };
  }

  private static Optional<Lease> tryExclusive(Path lock) throws IOException {
    try {
      return LockFile.of(lock).tryExclusive();
    } catch (OverlappingFileLockException e) {
      return Optional.empty(); // this thread holds it already
    }
  }

  private static CacheDir open(Path dir, int instance, Lease lease, int uid, int gid, int mode) throws IOException {
    try (Lease creating = LockFile.of(dir.resolve("create.lock")).exclusive()) {
      Path cache = dir.resolve(Integer.toString(instance));
      if (Files.isDirectory(cache)) return new CacheDir(cache, false, lease);
      Path staging = dir.resolve(instance + ".new");
      Trees.deleteTree(staging); // left by a build that died making it
      Files.createDirectory(staging);
      Posix.lchown(staging, uid, gid);
      Posix.chmod(staging, mode);
      Files.move(staging, cache);
      return new CacheDir(cache, true, lease);
    } catch (IOException | RuntimeException e) {
      lease.close();
      throw e;
    }
  }
}

package dev.lade.runner.snapshot;

import dev.lade.oci.store.Lease;
import dev.lade.oci.store.LockFile;
import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The on-disk record of live snapshots, so that a crash leaks nothing for long:
 *
 * <pre>
 * ROOT/active/&lt;id&gt;/          the snapshot (rootfs, and upper and work for an overlay)
 * ROOT/active-locks/&lt;id&gt;.lock  held by the process owning the snapshot, taken before the directory exists
 * </pre>
 *
 * A directory whose lock nobody holds belongs to a dead process: its mount is undone and it is
 * deleted, unless it was {@link #retain retained} for an owner that still exists (a detached
 * container's rootfs outlives the lade that made it, until the container is removed).
 */
final class ActiveSnapshots {
  static final String ROOTFS = "rootfs";
  /** In a retained snapshot's directory: the path of its owner. */
  private static final String OWNER = "owner";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path active;
  private final Path locks;
  private final Map<String, Lease> held = new ConcurrentHashMap<>();
  private final Mounter mounter;

  ActiveSnapshots(Path root, Mounter mounter) throws IOException {
    this.mounter = mounter;
    this.active = root.resolve("active");
    this.locks = root.resolve("active-locks");
    Files.createDirectories(active);
    Files.createDirectories(locks);
  }

  /** A new snapshot directory, locked by this process until {@link #remove}. */
  Path create() throws IOException {
    String id = HexFormat.of().formatHex(randomBytes());
    Lease lease = lock(id).exclusive();
    held.put(id, lease);
    Path dir = active.resolve(id);
    Files.createDirectory(dir);
    return dir;
  }

  /** Undoes the mount on the snapshot's rootfs, if any, deletes the snapshot and drops its lock. */
  void remove(String id) throws IOException {
    Path dir = active.resolve(id);
    unmountAll(dir.resolve(ROOTFS));
    Trees.deleteTree(dir);
    Lease lease = held.remove(id);
    if (lease != null) lease.close();
    Files.deleteIfExists(locks.resolve(id + ".lock"));
  }

  /** Hands snapshot {@code id} over from this process to {@code owner}, a path that exists while it is wanted. */
  void retain(String id, Path owner) throws IOException {
    Path dir = active.resolve(id);
    Path temp = Files.writeString(dir.resolve(OWNER + ".tmp"), owner.toAbsolutePath().toString());
    Files.move(temp, dir.resolve(OWNER), StandardCopyOption.ATOMIC_MOVE);
    Lease lease = held.remove(id);
    if (lease != null) lease.close();
  }

  /** Removes a {@link #retain retained} snapshot, from any process. */
  void removeRetained(String id) throws IOException {
    if (!id.matches("[0-9a-f]+")) throw new IllegalArgumentException("not a snapshot id: " + id);
    try (Lease lease = lock(id).exclusive()) {
      Path dir = active.resolve(id);
      if (Files.exists(dir)) {
        unmountAll(dir.resolve(ROOTFS));
        Trees.deleteTree(dir);
      }
    }
    Files.deleteIfExists(locks.resolve(id + ".lock"));
  }

  /** Removes the snapshots of dead processes; returns their ids. */
  List<String> cleanupStale() throws IOException {
    List<String> removed = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(active)) {
      for (Path dir : dirs.toList()) {
        String id = dir.getFileName().toString();
        if (held.containsKey(id) || ownerExists(dir)) continue;
        Optional<Lease> lease = tryLock(id);
        if (lease.isEmpty()) continue;
        try (Lease stale = lease.get()) {
          unmountAll(dir.resolve(ROOTFS));
          Trees.deleteTree(dir);
          removed.add(id);
        } catch (NoSuchFileException e) {
          // Its owner removed it meanwhile.
        }
        Files.deleteIfExists(locks.resolve(id + ".lock"));
      }
    }
    return removed;
  }

  private static boolean ownerExists(Path dir) throws IOException {
    Path owner = dir.resolve(OWNER);
    try {
      return Files.exists(Path.of(Files.readString(owner)));
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Whether something is mounted on {@code path} (it lies on another device than its parent). */
  static boolean isMounted(Path path) throws IOException {
    FileStat stat = Trees.statOrNull(path);
    return stat != null && stat.dev() != FileStat.of(path.getParent()).dev();
  }

  /** Undoes every mount stacked on {@code rootfs}. */
  void unmountAll(Path rootfs) throws IOException {
    while (isMounted(rootfs)) mounter.unmount(rootfs);
  }

  private LockFile lock(String id) {
    return LockFile.of(locks.resolve(id + ".lock"));
  }

  private Optional<Lease> tryLock(String id) throws IOException {
    try {
      return lock(id).tryExclusive();
    } catch (OverlappingFileLockException e) {
      return Optional.empty(); // held by this JVM
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }
}

package dev.lade.runner.snapshot.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gives files their container owners and reads them back. Root changes owners (through the id
 * mapping); a rootless process cannot, so it records the owner in the {@code user.lade.owner}
 * attribute ({@code uid:gid}), which overlayfs copies up with the file, and reads it back in diffs.
 * Symbolic links cannot carry user attributes; theirs map back through the id mapping.
 */
public final class Owners {
  /** The prefix of the attributes lade keeps for itself; layers neither carry nor set them. */
  public static final String LADE_XATTR_PREFIX = "user.lade.";

  /** The attribute holding a rootless file's container owner. */
  public static final String OWNER_XATTR = LADE_XATTR_PREFIX + "owner";

  private final IdMapping mapping;
  private final boolean canChown;

  public Owners(IdMapping mapping, boolean canChown) {
    this.mapping = mapping;
    this.canChown = canChown;
  }

  /** Root: identity mapping, real owners. Otherwise: container root is the current user, owners recorded. */
  public static Owners forCurrentUser() {
    if (Posix.isRoot()) return new Owners(IdMapping.identity(), true);
    long[] ids = Posix.effectiveIds(); // not /proc/self's owner: that link is root's
    return new Owners(IdMapping.single(ids[0], ids[1]), false);
  }

  public IdMapping mapping() {
    return mapping;
  }

  /** Makes container ids {@code uid}/{@code gid} the owner of {@code path}. */
  public void apply(Path path, FileStat stat, long uid, long gid) throws IOException {
    if (canChown) {
      long hostUid = mapping.hostUid(uid).orElseThrow(() -> unmapped("uid", uid, path));
      long hostGid = mapping.hostGid(gid).orElseThrow(() -> unmapped("gid", gid, path));
      Posix.lchown(path, hostUid, hostGid);
    } else if (!stat.isSymlink() && (uid != 0 || gid != 0)) {
      Posix.setXattr(path, OWNER_XATTR, (uid + ":" + gid).getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** The container owner of {@code path}: a recorded owner, else its host owner mapped back. */
  public long[] read(Path path, FileStat stat) throws IOException {
    if (!stat.isSymlink()) {
      Optional<byte[]> recorded = Posix.getXattr(path, OWNER_XATTR);
      if (recorded.isPresent()) return parse(path, new String(recorded.get(), StandardCharsets.US_ASCII));
    }
    long uid = mapping.containerUid(stat.uid()).orElseThrow(() -> unmapped("host uid", stat.uid(), path));
    long gid = mapping.containerGid(stat.gid()).orElseThrow(() -> unmapped("host gid", stat.gid(), path));
    return new long[] {uid, gid};
  }

  private static long[] parse(Path path, String value) throws IOException {
    int colon = value.indexOf(':');
    try {
      return new long[] {Long.parseLong(value.substring(0, colon)), Long.parseLong(value.substring(colon + 1))};
    } catch (RuntimeException e) {
      throw new IOException(path + ": invalid " + OWNER_XATTR + " attribute \"" + value + "\"");
    }
  }

  private static IOException unmapped(String what, long id, Path path) {
    return new IOException(path + ": " + what + " " + id + " is outside the user namespace's id map");
  }
}

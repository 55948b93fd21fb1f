package dev.lade.oci.layer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a layer records about an entry besides its path and type: permission bits (including
 * setuid, setgid and sticky, {@code 07777}), numeric owner, modification time and extended
 * attributes. Names of owners are never written, as BuildKit writes none. Extended attribute
 * values are raw bytes (a {@code security.capability} value is binary).
 */
public record EntryMetadata(
    int mode, long uid, long gid, Instant modTime, SortedMap<String, byte[]> xattrs) {

  /** Validates and copies; {@code xattrs} may be empty but not null. */
  public EntryMetadata {
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " has bits beyond 07777");
    }
    if (uid < 0 || gid < 0) throw new IllegalArgumentException("negative uid/gid " + uid + "/" + gid);
    Objects.requireNonNull(modTime, "modTime");
    TreeMap<String, byte[]> copy = new TreeMap<>();
    xattrs.forEach((k, v) -> copy.put(k, v.clone()));
    xattrs = Collections.unmodifiableSortedMap(copy);
  }

  /** Metadata without extended attributes. */
  public static EntryMetadata of(int mode, long uid, long gid, Instant modTime) {
    return new EntryMetadata(mode, uid, gid, modTime, new TreeMap<>());
  }

  /** Root-owned, with mtime 0 (the Unix epoch). */
  public static EntryMetadata root(int mode) {
    return of(mode, 0, 0, Instant.EPOCH);
  }

  /** The same metadata with the modification time {@code time}. */
  public EntryMetadata withModTime(Instant time) {
    return new EntryMetadata(mode, uid, gid, time, xattrs);
  }

  /** The same metadata with one more extended attribute. */
  public EntryMetadata withXattr(String name, byte[] value) {
    TreeMap<String, byte[]> copy = new TreeMap<>(xattrs);
    copy.put(name, value);
    return new EntryMetadata(mode, uid, gid, modTime, copy);
  }

  // Records compare arrays by identity; extended attribute values are compared by content.
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EntryMetadata other)) return false;
    if (mode != other.mode || uid != other.uid || gid != other.gid) return false;
    if (!modTime.equals(other.modTime) || !xattrs.keySet().equals(other.xattrs.keySet())) return false;
    for (Map.Entry<String, byte[]> e : xattrs.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.xattrs.get(e.getKey()))) return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(mode, uid, gid, modTime, xattrs.keySet());
    for (byte[] v : xattrs.values()) h = 31 * h + Arrays.hashCode(v);
    return h;
  }

  @Override
  public String toString() {
    return "EntryMetadata[mode=0" + Integer.toOctalString(mode) + ", uid=" + uid + ", gid=" + gid
        + ", modTime=" + modTime + ", xattrs=" + xattrs.keySet() + "]";
  }
}

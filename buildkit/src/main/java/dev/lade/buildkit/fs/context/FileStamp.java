package dev.lade.buildkit.fs.context;

import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * What identifies one version of a file on disk, as git's index and BuildKit's content-hash cache
 * use it: a file whose stamp is unchanged has unchanged content. The change time is in it because
 * it moves on every write even when the modification time is set back.
 */
record FileStamp(long device, long inode, long size, long modifiedNanos, long changedNanos) {

  /** The stamp from attributes read with {@code unix:dev,ino,size,lastModifiedTime,ctime}. */
  static FileStamp of(Map<String, Object> attributes) {
    return new FileStamp(((Number) attributes.get("dev")).longValue(), ((Number) attributes.get("ino")).longValue(),
        ((Number) attributes.get("size")).longValue(), nanos((FileTime) attributes.get("lastModifiedTime")),
        nanos((FileTime) attributes.get("ctime")));
  }

  // Written out: a record's generated equals and hashCode link through ObjectMethods' bootstrap at first use,
  // which spins classes at run time that no start-up cache holds (a no-op build compares the stamp of every context file).
  @Override
  public boolean equals(Object other) {
    return other instanceof FileStamp s && device == s.device && inode == s.inode && size == s.size
        && modifiedNanos == s.modifiedNanos && changedNanos == s.changedNanos;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(new long[] {device, inode, size, modifiedNanos, changedNanos});
  }

  private static long nanos(FileTime t) {
    return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** The latest of the two times, in nanoseconds since 1970. */
  long latestNanos() {
    return Math.max(modifiedNanos, changedNanos);
  }

  String encode() {
    return device + " " + inode + " " + size + " " + modifiedNanos + " " + changedNanos;
  }

  static FileStamp decode(String[] fields, int from) {
    return new FileStamp(Long.parseLong(fields[from]), Long.parseLong(fields[from + 1]), Long.parseLong(fields[from + 2]),
        Long.parseLong(fields[from + 3]), Long.parseLong(fields[from + 4]));
  }
}

package dev.lade.runner.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mount(8) style options split into mount(2)'s flags and its filesystem-specific data string.
 *
 * @param flags the {@code MS_*} flags
 * @param data the options the filesystem itself reads, comma-separated ({@code mode=755,size=65536k})
 */
public record MountFlags(long flags, String data) {

  static final long RDONLY = 1;
  static final long NOSUID = 2;
  static final long NODEV = 4;
  static final long NOEXEC = 8;
  static final long SYNCHRONOUS = 16;
  static final long MANDLOCK = 64;
  static final long DIRSYNC = 128;
  static final long NOATIME = 1024;
  static final long NODIRATIME = 2048;
  static final long BIND = 4096;
  static final long REC = 16384;
  static final long RELATIME = 1 << 21;
  static final long STRICTATIME = 1 << 24;

  /** Options that set a flag; the "no" form of a setting that clears one is in {@link #CLEARING}. */
  private static final Map<String, Long> SETTING = Map.ofEntries(
      Map.entry("ro", RDONLY), Map.entry("nosuid", NOSUID), Map.entry("nodev", NODEV),
      Map.entry("noexec", NOEXEC), Map.entry("sync", SYNCHRONOUS), Map.entry("mand", MANDLOCK),
      Map.entry("dirsync", DIRSYNC), Map.entry("noatime", NOATIME), Map.entry("nodiratime", NODIRATIME),
      Map.entry("bind", BIND), Map.entry("rbind", BIND | REC), Map.entry("relatime", RELATIME),
      Map.entry("strictatime", STRICTATIME));

  private static final Map<String, Long> CLEARING = Map.ofEntries(
      Map.entry("rw", RDONLY), Map.entry("suid", NOSUID), Map.entry("dev", NODEV), Map.entry("exec", NOEXEC),
      Map.entry("async", SYNCHRONOUS), Map.entry("nomand", MANDLOCK), Map.entry("atime", NOATIME),
      Map.entry("diratime", NODIRATIME), Map.entry("norelatime", RELATIME),
      Map.entry("nostrictatime", STRICTATIME), Map.entry("defaults", 0L));

  /** Propagation options: every container mount is private already, so they change nothing here. */
  private static final List<String> PROPAGATION = List.of(
      "private", "rprivate", "shared", "rshared", "slave", "rslave", "unbindable", "runbindable");

  /** Splits {@code options}; later options win over earlier ones, as mount(8). */
  public static MountFlags parse(List<String> options) {
    long flags = 0;
    List<String> data = new ArrayList<>();
    for (String option : options) {
      Long set = SETTING.get(option);
      Long clear = CLEARING.get(option);
      if (set != null) {
        flags |= set;
      } else if (clear != null) {
        flags &= ~clear;
      } else if (!PROPAGATION.contains(option)) {
        data.add(option);
      }
    }
    return new MountFlags(flags, String.join(",", data));
  }

  /** Whether these flags make a bind mount. */
  public boolean isBind() {
    return (flags & BIND) != 0;
  }
}

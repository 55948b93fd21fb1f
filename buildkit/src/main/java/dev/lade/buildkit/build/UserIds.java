package dev.lade.buildkit.build;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.dockerfile.value.Chown;
import dev.lade.dockerfile.value.GroupFile;
import dev.lade.dockerfile.value.PasswdFile;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Resolves a USER value ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) to numeric
 * ids as BuildKit's file operations do ({@code readUser}): names from the root filesystem's {@code
 * /etc/passwd} and {@code /etc/group}; a uid alone gives the same gid, a name alone its primary
 * group; a name found nowhere counts as 0, an unknown group leaves the user's gid (dockerd 20.10
 * makes {@code WORKDIR} after {@code USER nosuch} owned by 0:0, and so does current BuildKit).
 *
 * @param uid the user id
 * @param gid the group id
 */
record UserIds(long uid, long gid) {
  static final UserIds ROOT = new UserIds(0, 0);

  /** The ids {@code user} stands for on {@code rootfs}. */
  static UserIds resolve(String user, FileTree rootfs) throws IOException {
    if (user.isEmpty()) return ROOT;
    Chown chown = Chown.parse(user);
    long uid;
    long gid;
    switch (chown.user()) {
      case Chown.Owner.ById id -> {
        uid = id.id();
        gid = id.id();
      }
      case Chown.Owner.ByName name -> {
        Optional<PasswdFile.Entry> entry = PasswdFile.parse(read(rootfs, "etc/passwd")).byName(name.name());
        uid = entry.map(e -> (long) e.uid()).orElse(0L);
        gid = entry.map(e -> (long) e.gid()).orElse(0L);
      }
    }
    if (chown.group().isPresent()) {
      switch (chown.group().get()) {
        case Chown.Owner.ById id -> gid = id.id();
        case Chown.Owner.ByName name -> {
          Optional<GroupFile.Entry> group = GroupFile.parse(read(rootfs, "etc/group")).byName(name.name());
          if (group.isPresent()) gid = group.get().gid();
        }
      }
    }
    return new UserIds(uid, gid);
  }

  private static String read(FileTree rootfs, String path) throws IOException {
    Optional<LayerEntry> entry = rootfs.lookup(path);
    if (entry.isEmpty() || !(entry.get() instanceof LayerEntry.File file)) return "";
    try (InputStream in = file.content().open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

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
 * ids as BuildKit's file operations do: names from the root filesystem's {@code /etc/passwd} and
 * {@code /etc/group}; a uid alone gives the same gid, a name alone its primary group.
 *
 * @param uid the user id
 * @param gid the group id
 */
record UserIds(long uid, long gid) {
  static final UserIds ROOT = new UserIds(0, 0);

  /** @throws IllegalArgumentException {@code unknown user NAME} and the like */
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
        PasswdFile.Entry entry = PasswdFile.parse(read(rootfs, "etc/passwd"))
            .byName(name.name()).orElseThrow(() -> new IllegalArgumentException("unknown user " + name.name()));
        uid = entry.uid();
        gid = entry.gid();
      }
    }
    if (chown.group().isPresent()) {
      gid = switch (chown.group().get()) {
        case Chown.Owner.ById id -> id.id();
        case Chown.Owner.ByName name -> GroupFile.parse(read(rootfs, "etc/group")).byName(name.name())
            .orElseThrow(() -> new IllegalArgumentException("unknown group " + name.name())).gid();
      };
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

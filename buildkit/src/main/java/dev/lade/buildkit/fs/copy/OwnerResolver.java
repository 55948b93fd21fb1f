package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.dockerfile.value.Chown;
import dev.lade.dockerfile.value.GroupFile;
import dev.lade.dockerfile.value.PasswdFile;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a {@code --chown} value into numeric ids, looking names up in the destination's {@code
 * /etc/passwd} and {@code /etc/group} as BuildKit's file backend does (symlinks in those paths
 * resolved inside the tree). Unlike BuildKit, which silently falls back to 0 for an unknown name,
 * an unknown name is an error, so a typo cannot give root-owned files.
 */
final class OwnerResolver {
  private OwnerResolver() {}

  static Owner resolve(Chown chown, FileTree destination, int line) throws IOException {
    long uid;
    long gid;
    switch (chown.user()) {
      case Chown.Owner.ById id -> {
        uid = Integer.toUnsignedLong(id.id());
        gid = uid;
      }
      case Chown.Owner.ByName name -> {
        PasswdFile.Entry entry = passwd(destination, name.name(), line).byName(name.name())
            .orElseThrow(() -> new CopyException(CopyException.Kind.UNKNOWN_USER, line,
                "unable to find user " + name.name() + ": no matching entries in passwd file"));
        uid = Integer.toUnsignedLong(entry.uid());
        gid = Integer.toUnsignedLong(entry.gid());
      }
    }
    if (chown.group().isPresent()) {
      gid = switch (chown.group().get()) {
        case Chown.Owner.ById id -> Integer.toUnsignedLong(id.id());
        case Chown.Owner.ByName name -> Integer.toUnsignedLong(group(destination, name.name(), line).byName(name.name())
            .orElseThrow(() -> new CopyException(CopyException.Kind.UNKNOWN_GROUP, line,
                "unable to find group " + name.name() + ": no matching entries in group file"))
            .gid());
      };
    }
    return new Owner(uid, gid);
  }

  private static PasswdFile passwd(FileTree tree, String user, int line) throws IOException {
    try (InputStream in = open(tree, "etc/passwd", CopyException.Kind.UNKNOWN_USER, "user " + user, line)) {
      return PasswdFile.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  private static GroupFile group(FileTree tree, String group, int line) throws IOException {
    try (InputStream in = open(tree, "etc/group", CopyException.Kind.UNKNOWN_GROUP, "group " + group, line)) {
      return GroupFile.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  /** Opens {@code path} in the destination, to look up {@code what} ("user NAME") in it. */
  private static InputStream open(FileTree tree, String path, CopyException.Kind kind, String what, int line)
      throws IOException {
    Optional<LayerEntry> entry;
    try {
      entry = new SymlinkResolver(tree, false).lookup(path, true);
    } catch (SymlinkResolver.EscapeException e) {
      entry = Optional.empty(); // cannot happen for a non-strict resolver
    }
    if (entry.isPresent() && entry.get() instanceof LayerEntry.File file) return file.content().open();
    throw new CopyException(kind, line, "unable to find " + what + ": no /" + path + " in the destination");
  }
}

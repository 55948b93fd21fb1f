package dev.lade.runner.snapshot.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How overlayfs marks deletions in a directory tree. Privileged overlays read {@code
 * trusted.overlay.*} attributes and whiteouts that are character devices 0/0; with the {@code
 * userxattr} mount option (rootless) they read {@code user.overlay.*}, and here whiteouts are
 * written in the xattr form (an empty file with {@code user.overlay.whiteout}, in a directory
 * marked {@code user.overlay.opaque=x}), which needs no device node (Linux 6.7+).
 */
public enum OverlayFormat {
  PRIVILEGED("trusted.overlay.", true),
  USERXATTR("user.overlay.", false);

  private static final byte[] OPAQUE = {'y'};
  private static final byte[] HAS_XWHITEOUTS = {'x'};

  private final String prefix;
  private final boolean deviceWhiteouts;

  OverlayFormat(String prefix, boolean deviceWhiteouts) {
    this.prefix = prefix;
    this.deviceWhiteouts = deviceWhiteouts;
  }

  /** The format for this process: privileged as root, {@code userxattr} otherwise. */
  public static OverlayFormat forCurrentUser() {
    return Posix.isRoot() ? PRIVILEGED : USERXATTR;
  }

  /** The mount option this format needs, if any. */
  public Optional<String> mountOption() {
    return deviceWhiteouts ? Optional.empty() : Optional.of("userxattr");
  }

  /** Whether {@code name} is an attribute overlayfs keeps for itself (in either namespace). */
  public static boolean isOverlayXattr(String name) {
    return name.startsWith("trusted.overlay.") || name.startsWith("user.overlay.");
  }

  /** Marks {@code path}, which must not exist, as deleted from the layers below. */
  public void writeWhiteout(Path path) throws IOException {
    if (deviceWhiteouts) {
      Posix.mknod(path, FileStat.S_IFCHR, 0, 0);
      return;
    }
    Path dir = path.getParent();
    // Inside an opaque directory nothing below shows anyway, and an xattr whiteout would show as a file.
    if (isOpaque(dir)) return;
    Files.createFile(path);
    Posix.setXattr(path, prefix + "whiteout", new byte[0]);
    Posix.setXattr(dir, prefix + "opaque", HAS_XWHITEOUTS);
  }

  /** Hides what the layers below hold in directory {@code dir}. */
  public void markOpaque(Path dir) throws IOException {
    if (!deviceWhiteouts) removeXattrWhiteouts(dir);
    Posix.setXattr(dir, prefix + "opaque", OPAQUE);
  }

  /** Whether {@code dir} is opaque in this format. */
  public boolean isOpaque(Path dir) throws IOException {
    return Posix.getXattr(dir, prefix + "opaque").map(v -> Arrays.equals(v, OPAQUE)).orElse(false);
  }

  /** Whether {@code path} with status {@code stat} is a whiteout, in either form. */
  public boolean isWhiteout(Path path, FileStat stat) throws IOException {
    if (stat.isWhiteoutDevice()) return true;
    return stat.isRegularFile() && stat.size() == 0 && Posix.getXattr(path, prefix + "whiteout").isPresent();
  }

  private void removeXattrWhiteouts(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        if (isWhiteout(child, FileStat.of(child))) Files.delete(child);
      }
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase() + " (" + prefix + "*)";
  }
}

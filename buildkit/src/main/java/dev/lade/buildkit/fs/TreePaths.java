package dev.lade.buildkit.fs;

import dev.lade.oci.layer.PathOrder;
import java.util.Comparator;

/** Helpers for {@link FileTree} paths: relative, {@code /}-separated, clean, "" for the root. */
public final class TreePaths {
  /** Byte order of the UTF-8 encodings, as Go sorts names. */
  public static final Comparator<String> BYTE_ORDER = PathOrder.BYTES;

  /**
   * The order a sorted filesystem walk (and a layer) lists paths in: by component, so a
   * directory's contents come right after it ({@code a}, {@code a/b}, {@code a.txt}).
   */
  public static final Comparator<String> WALK_ORDER = PathOrder.WALK;

  private TreePaths() {}

  /** The directory holding {@code path}; "" for a top-level name. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The last component of {@code path}. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** {@code child} inside {@code dir}. */
  public static String join(String dir, String child) {
    if (dir.isEmpty()) return child;
    if (child.isEmpty()) return dir;
    return dir + "/" + child;
  }

  /**
   * Cleans a slash-separated path lexically, as Go's {@code path.Clean} does, and makes it relative
   * to the root: {@code /a/./b/../c/} becomes {@code a/c}; {@code ..} at the root stays at the root.
   */
  public static String clean(String path) {
    StringBuilder out = new StringBuilder();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
        continue;
      }
      if (out.length() > 0) out.append('/');
      out.append(part);
    }
    return out.toString();
  }

  /** Whether cleaning {@code path} relative to a root would climb above it ({@code ../x}, {@code a/../../x}). */
  public static boolean leavesRoot(String path) {
    if (path.startsWith("/")) return false;
    int depth = 0;
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      depth += part.equals("..") ? -1 : 1;
      if (depth < 0) return true;
    }
    return false;
  }
}

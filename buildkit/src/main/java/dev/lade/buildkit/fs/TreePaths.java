package dev.lade.buildkit.fs;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** Helpers for {@link FileTree} paths: relative, {@code /}-separated, clean, "" for the root. */
public final class TreePaths {
  /** Byte order of the UTF-8 encodings, as Go sorts names. */
  public static final Comparator<String> BYTE_ORDER = TreePaths::compareBytes;

  /**
   * The order a sorted filesystem walk (and a layer) lists paths in: by component, so a
   * directory's contents come right after it ({@code a}, {@code a/b}, {@code a.txt}).
   */
  public static final Comparator<String> WALK_ORDER = TreePaths::compareWalk;

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

  private static int compareWalk(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      if (x[i] != y[i]) return rank(x[i]) - rank(y[i]);
    }
    return x.length - y.length;
  }

  private static int rank(byte b) {
    return b == '/' ? -1 : b & 0xff;
  }

  private static int compareBytes(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(x, y);
  }
}

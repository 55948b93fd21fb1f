package dev.lade.oci.layer;

import java.util.Comparator;

/** Layer path rules: validation and the order containerd's differ walks a tree in. */
final class LayerPaths {
  static final String WHITEOUT_PREFIX = ".wh.";
  static final String OPAQUE_MARKER = ".wh..wh..opq";

  /**
   * Lexical by path component, comparing UTF-8 bytes as Go does, so a directory's children come
   * right after it ({@code a}, {@code a/b}, {@code a.txt}), as in a sorted filesystem walk.
   */
  static final Comparator<String> WALK_ORDER = PathOrder.WALK;

  private LayerPaths() {}

  static String check(String path) {
    if (path == null || path.isEmpty()) throw new IllegalArgumentException("empty layer path");
    if (path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("layer path must not start or end with '/': \"" + path + "\"");
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("layer path is not clean: \"" + path + "\"");
      }
    }
    if (path.indexOf('\0') >= 0) throw new IllegalArgumentException("layer path contains NUL: \"" + path + "\"");
    return path;
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static String sibling(String path, String name) {
    String parent = parent(path);
    return parent.isEmpty() ? name : parent + "/" + name;
  }
}

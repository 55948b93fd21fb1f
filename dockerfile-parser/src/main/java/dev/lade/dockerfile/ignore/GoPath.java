package dev.lade.dockerfile.ignore;

/** Go's {@code path/filepath} functions on slash-separated paths, as on Linux. */
final class GoPath {
  private GoPath() {}

  /**
   * {@code filepath.Clean}: the shortest equivalent path, resolving {@code .}, {@code ..} and
   * repeated slashes lexically; {@code "."} for an empty result.
   */
  static String clean(String path) {
    if (path.isEmpty()) return ".";
    boolean rooted = path.charAt(0) == '/';
    int n = path.length();
    StringBuilder out = new StringBuilder(n);
    if (rooted) out.append('/');
    int r = rooted ? 1 : 0;
    int dotdot = out.length(); // where a ".." can no longer back up past
    while (r < n) {
      if (path.charAt(r) == '/') {
        r++;
      } else if (path.charAt(r) == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
        r++;
      } else if (path.charAt(r) == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
        r += 2;
        if (out.length() > dotdot) {
          int w = out.length() - 1;
          while (w > dotdot && out.charAt(w) != '/') w--;
          out.setLength(w);
        } else if (!rooted) {
          if (out.length() > 0) out.append('/');
          out.append("..");
          dotdot = out.length();
        }
      } else {
        if ((rooted && out.length() != 1) || (!rooted && out.length() != 0)) out.append('/');
        while (r < n && path.charAt(r) != '/') out.append(path.charAt(r++));
      }
    }
    return out.length() == 0 ? "." : out.toString();
  }

  /** {@code filepath.Dir}: everything before the last slash, cleaned. */
  static String dir(String path) {
    return clean(path.substring(0, path.lastIndexOf('/') + 1));
  }
}

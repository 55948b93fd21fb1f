package dev.lade.buildkit.build;

/** WORKDIR paths as BuildKit's {@code NormalizeWorkdir} makes them on Linux. */
final class Workdirs {
  private Workdirs() {}

  /**
   * {@code requested} as the config's WorkingDir: an absolute path as written (BuildKit's {@code
   * NormalizePath} leaves it alone on Linux: {@code WORKDIR //a//b/} stays so, in dockerd 20.10
   * too), a relative one joined to {@code current} and cleaned (Go's {@code filepath.Join}).
   */
  static String normalize(String current, String requested) {
    if (requested.startsWith("/")) return requested;
    return clean((current.isEmpty() ? "/" : current) + "/" + requested);
  }

  /** Go's {@code path.Clean} for an absolute path. */
  static String clean(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}

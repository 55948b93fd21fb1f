package dev.lade.buildkit.build;

/** WORKDIR paths as BuildKit's {@code NormalizeWorkdir} makes them on Linux. */
final class Workdirs {
  private Workdirs() {}

  /** {@code requested} made absolute against {@code current} (relative paths) and cleaned. */
  static String normalize(String current, String requested) {
    String joined = requested.startsWith("/") ? requested : (current.isEmpty() ? "/" : current) + "/" + requested;
    return clean(joined);
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

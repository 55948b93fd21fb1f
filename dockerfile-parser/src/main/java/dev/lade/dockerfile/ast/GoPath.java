package dev.lade.dockerfile.ast;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Clean} and {@code path.Base} (slash-separated paths). */
final class GoPath {
  private GoPath() {}

  /** The shortest equivalent path: no {@code .}, no {@code ..} inside, no repeated slashes. */
  static String clean(String path) {
    if (path.isEmpty()) return ".";
    boolean rooted = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    int leadingDotDots = 0;
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (!parts.isEmpty()) parts.removeLast();
        else if (!rooted) leadingDotDots++;
        continue;
      }
      parts.addLast(part);
    }
    StringBuilder b = new StringBuilder(rooted ? "/" : "");
    for (int i = 0; i < leadingDotDots; i++) b.append(b.isEmpty() ? "" : "/").append("..");
    for (String part : parts) {
      if (!b.isEmpty() && b.charAt(b.length() - 1) != '/') b.append('/');
      b.append(part);
    }
    return b.isEmpty() ? "." : b.toString();
  }

  /** The last element: trailing slashes removed; {@code .} for empty, {@code /} for slashes only. */
  static String base(String path) {
    if (path.isEmpty()) return ".";
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') end--;
    if (end == 0) return "/";
    String trimmed = path.substring(0, end);
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}

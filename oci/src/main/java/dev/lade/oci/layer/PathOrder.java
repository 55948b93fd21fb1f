package dev.lade.oci.layer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** The orders layer paths are sorted in, comparing UTF-8 bytes unsigned as Go does. */
public final class PathOrder {
  /**
   * Lexical by path component, so a directory's children come right after it ({@code a}, {@code
   * a/b}, {@code a.txt}), as in a sorted filesystem walk (containerd's differ, BuildKit's tars).
   */
  public static final Comparator<String> WALK = PathOrder::compareWalk;

  /** Plain byte order of the whole path ({@code a}, {@code a.txt}, {@code a/b}), as Go's sort.Strings. */
  public static final Comparator<String> BYTES = PathOrder::compareBytes;

  private PathOrder() {}

  private static int compareWalk(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      if (x[i] != y[i]) return rank(x[i]) - rank(y[i]);
    }
    return x.length - y.length;
  }

  // The separator ranks below every other byte, so "a/b" sorts before "a.txt".
  private static int rank(byte b) {
    return b == '/' ? -1 : b & 0xff;
  }

  private static int compareBytes(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}

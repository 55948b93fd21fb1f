package dev.lade.runner.snapshot.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** A directory's entries in the order a layer lists them (by UTF-8 bytes, as Go sorts). */
public final class Children {
  private Children() {}

  /** The names in {@code dir}, sorted. */
  public static List<String> of(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted(Children::compare).toList();
    }
  }

  /** Compares names by their UTF-8 bytes. */
  public static int compare(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code parent/name} as a layer path ({@code name} at the root). */
  public static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "/" + name;
  }
}

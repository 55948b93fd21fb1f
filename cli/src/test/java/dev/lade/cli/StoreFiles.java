package dev.lade.cli;

import dev.lade.oci.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A store's files with their contents' digests, to show that a failed command left it untouched. */
final class StoreFiles {
  private StoreFiles() {}

  /**
   * Every file and directory under {@code store}: files by content digest, directories as {@code
   * dir}, lock files and the context checksums remembered for the next build included.
   */
  static Map<String, String> of(Path store) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(store)) return out;
    try (Stream<Path> all = Files.walk(store)) {
      for (Path p : all.toList()) {
        out.put(store.relativize(p).toString(), Files.isDirectory(p) ? "dir" : sha256(p));
      }
    }
    return out;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Digest.sha256(in).toString();
    }
  }
}

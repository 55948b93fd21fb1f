package dev.lade.oci.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test documents from this package's resources. */
final class TestFiles {
  private TestFiles() {}

  static byte[] bytes(String name) {
    try (InputStream in = TestFiles.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String string(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

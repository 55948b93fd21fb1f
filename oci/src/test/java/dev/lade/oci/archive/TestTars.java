package dev.lade.oci.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds tars for tests: files in order, and symlinks written as {@code "->target"} strings. */
final class TestTars {
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  TestTars file(String name, byte[] content) {
    files.put(name, content);
    return this;
  }

  TestTars file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  TestTars link(String name, String target) {
    files.put(name, null);
    files.put(name + "\0link", target.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  byte[] bytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out);
    return out.toByteArray();
  }

  Path writeTo(Path file) throws IOException {
    Files.write(file, bytes());
    return file;
  }

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  private void write(OutputStream out) throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (var e : files.entrySet()) {
        if (e.getKey().endsWith("\0link")) continue;
        if (e.getValue() == null) {
          TarArchiveEntry link = new TarArchiveEntry(e.getKey(), TarArchiveEntry.LF_SYMLINK);
          link.setLinkName(new String(files.get(e.getKey() + "\0link"), StandardCharsets.UTF_8));
          tar.putArchiveEntry(link);
        } else {
          TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
          entry.setSize(e.getValue().length);
          tar.putArchiveEntry(entry);
          tar.write(e.getValue());
        }
        tar.closeArchiveEntry();
      }
    }
  }
}

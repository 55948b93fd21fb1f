package dev.lade.oci.archive;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes a tar of regular files, each name once, with fixed times so output is reproducible. */
final class TarWriter implements Closeable {
  private final TarArchiveOutputStream tar;
  private final Set<String> written = new HashSet<>();
  private final Set<String> directories = new HashSet<>();

  TarWriter(OutputStream out) {
    this.tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  /** Whether {@code name} is already in the tar. */
  boolean has(String name) {
    return written.contains(name);
  }

  void add(String name, byte[] content) throws IOException {
    add(name, new ByteArrayInputStream(content), content.length);
  }

  /** Adds a file of exactly {@code size} bytes streamed from {@code content}; a name seen before is skipped. */
  void add(String name, InputStream content, long size) throws IOException {
    if (!written.add(name)) return;
    addParents(name);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setMode(0644);
    entry.setModTime(Instant.EPOCH.toEpochMilli());
    tar.putArchiveEntry(entry);
    long copied = content.transferTo(tar);
    if (copied != size) throw new IOException(name + ": expected " + size + " bytes, read " + copied);
    tar.closeArchiveEntry();
  }

  private void addParents(String name) throws IOException {
    int slash = name.indexOf('/');
    while (slash > 0) {
      String dir = name.substring(0, slash + 1);
      if (directories.add(dir)) {
        TarArchiveEntry entry = new TarArchiveEntry(dir);
        entry.setMode(040755);
        entry.setModTime(Instant.EPOCH.toEpochMilli());
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
      slash = name.indexOf('/', slash + 1);
    }
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}

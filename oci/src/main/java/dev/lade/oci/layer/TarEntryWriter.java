package dev.lade.oci.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes layer entries, already in layer order, as an uncompressed tar: headers as containerd's
 * differ writes them (see {@link TarHeaderEncoder}), content streamed from each file's source.
 */
final class TarEntryWriter {
  private static final byte[] END_OF_ARCHIVE = new byte[TarBlock.SIZE * 2];

  private final OutputStream out;
  private final Optional<Instant> clamp;
  private final Set<String> linkable = new HashSet<>();
  private final byte[] buffer = new byte[64 * 1024];

  TarEntryWriter(OutputStream out, Optional<Instant> clamp) {
    this.out = out;
    this.clamp = clamp;
  }

  void write(LayerEntry entry) throws IOException {
    switch (entry) {
      case LayerEntry.File f -> {
        emit(f.path(), "", TarHeader.REGULAR, f.metadata(), f.size(), 0, 0);
        copyContent(f);
      }
      case LayerEntry.Directory d -> emit(d.path() + "/", "", TarHeader.DIRECTORY, d.metadata(), 0, 0, 0);
      case LayerEntry.Symlink s -> emit(s.path(), s.target(), TarHeader.SYMLINK, s.metadata(), 0, 0, 0);
      case LayerEntry.Hardlink h -> {
        if (!linkable.contains(h.target())) {
          throw new InvalidLayerEntryException(
              h.path(), "hard link target \"" + h.target() + "\" is not an earlier non-directory entry");
        }
        emit(h.path(), h.target(), TarHeader.HARDLINK, h.metadata(), 0, 0, 0);
      }
      case LayerEntry.CharDevice c -> emit(c.path(), "", TarHeader.CHAR, c.metadata(), 0, c.major(), c.minor());
      case LayerEntry.BlockDevice b -> emit(b.path(), "", TarHeader.BLOCK, b.metadata(), 0, b.major(), b.minor());
      case LayerEntry.Fifo p -> emit(p.path(), "", TarHeader.FIFO, p.metadata(), 0, 0, 0);
      case LayerEntry.Whiteout w -> {
        String name = LayerPaths.WHITEOUT_PREFIX + LayerPaths.name(w.path());
        writeMarker(LayerPaths.sibling(w.path(), name), w.modTime());
      }
      case LayerEntry.OpaqueDirectory o -> writeMarker(o.path() + "/" + LayerPaths.OPAQUE_MARKER, o.modTime());
    }
    if (isLinkable(entry)) linkable.add(entry.path());
  }

  /** What a hard link may point to: anything with an inode that is not a directory. */
  private static boolean isLinkable(LayerEntry entry) {
    return switch (entry) {
      case LayerEntry.Directory d -> false;
      case LayerEntry.Whiteout w -> false;
      case LayerEntry.OpaqueDirectory o -> false;
      case LayerEntry.File f -> true;
      case LayerEntry.Symlink s -> true;
      case LayerEntry.Hardlink h -> true;
      case LayerEntry.CharDevice c -> true;
      case LayerEntry.BlockDevice b -> true;
      case LayerEntry.Fifo p -> true;
    };
  }

  /** Ends the archive with two zero blocks, as Go's tar writer does (no padding to a record). */
  void finish() throws IOException {
    out.write(END_OF_ARCHIVE);
  }

  // Whiteouts are empty regular files with mode 0 and owner 0, as containerd writes them.
  private void writeMarker(String name, Instant modTime) throws IOException {
    emit(name, "", TarHeader.REGULAR, EntryMetadata.of(0, 0, 0, modTime), 0, 0, 0);
  }

  private void emit(String name, String link, byte type, EntryMetadata m, long size, long major, long minor)
      throws IOException {
    Instant time = m.modTime();
    if (clamp.isPresent() && time.isAfter(clamp.get())) time = clamp.get();
    TreeMap<String, byte[]> records = new TreeMap<>();
    m.xattrs().forEach((k, v) -> records.put("SCHILY.xattr." + k, v));
    // containerd truncates to whole seconds (floor, also before 1970).
    long seconds = time.getEpochSecond();
    TarHeader h = new TarHeader(name, link, type, m.mode(), m.uid(), m.gid(), size, seconds, major, minor, records);
    out.write(TarHeaderEncoder.encode(h));
  }

  private void copyContent(LayerEntry.File f) throws IOException {
    long remaining = f.size();
    try (InputStream in = f.content().open()) {
      while (remaining > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) {
          throw new InvalidLayerEntryException(
              f.path(), "content ended " + remaining + " bytes short of its size " + f.size());
        }
        out.write(buffer, 0, n);
        remaining -= n;
      }
      if (in.read() >= 0) {
        throw new InvalidLayerEntryException(f.path(), "content is longer than its size " + f.size());
      }
    }
    out.write(new byte[TarBlock.padding(f.size())]);
  }
}

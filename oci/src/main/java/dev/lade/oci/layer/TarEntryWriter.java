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
        out.write(TarHeaderEncoder.encode(header(f.path(), "", TarHeader.REGULAR, f.metadata(), f.size(), 0, 0)));
        copyContent(f);
        linkable.add(f.path());
      }
      case LayerEntry.Directory d ->
          out.write(TarHeaderEncoder.encode(header(d.path() + "/", "", TarHeader.DIRECTORY, d.metadata(), 0, 0, 0)));
      case LayerEntry.Symlink s -> {
        out.write(TarHeaderEncoder.encode(header(s.path(), s.target(), TarHeader.SYMLINK, s.metadata(), 0, 0, 0)));
        linkable.add(s.path());
      }
      case LayerEntry.Hardlink h -> {
        if (!linkable.contains(h.target())) {
          throw new InvalidLayerEntryException(h.path(), "hard link target \"" + h.target() + "\" is not an earlier non-directory entry");
        }
        out.write(TarHeaderEncoder.encode(header(h.path(), h.target(), TarHeader.HARDLINK, h.metadata(), 0, 0, 0)));
        linkable.add(h.path());
      }
      case LayerEntry.CharDevice c -> {
        out.write(TarHeaderEncoder.encode(header(c.path(), "", TarHeader.CHAR, c.metadata(), 0, c.major(), c.minor())));
        linkable.add(c.path());
      }
      case LayerEntry.BlockDevice b -> {
        out.write(TarHeaderEncoder.encode(header(b.path(), "", TarHeader.BLOCK, b.metadata(), 0, b.major(), b.minor())));
        linkable.add(b.path());
      }
      case LayerEntry.Fifo p -> {
        out.write(TarHeaderEncoder.encode(header(p.path(), "", TarHeader.FIFO, p.metadata(), 0, 0, 0)));
        linkable.add(p.path());
      }
      case LayerEntry.Whiteout w -> writeMarker(LayerPaths.sibling(w.path(), LayerPaths.WHITEOUT_PREFIX + LayerPaths.name(w.path())), w.modTime());
      case LayerEntry.OpaqueDirectory o -> writeMarker(o.path() + "/" + LayerPaths.OPAQUE_MARKER, o.modTime());
    }
  }

  /** Ends the archive with two zero blocks, as Go's tar writer does (no padding to a record). */
  void finish() throws IOException {
    out.write(END_OF_ARCHIVE);
  }

  // Whiteouts are empty regular files with mode 0 and owner 0, as containerd writes them.
  private void writeMarker(String name, Instant modTime) throws IOException {
    EntryMetadata none = EntryMetadata.of(0, 0, 0, modTime);
    out.write(TarHeaderEncoder.encode(header(name, "", TarHeader.REGULAR, none, 0, 0, 0)));
  }

  private TarHeader header(String name, String link, byte type, EntryMetadata m, long size, long major, long minor) {
    Instant time = m.modTime();
    if (clamp.isPresent() && time.isAfter(clamp.get())) time = clamp.get();
    TreeMap<String, byte[]> records = new TreeMap<>();
    m.xattrs().forEach((k, v) -> records.put("SCHILY.xattr." + k, v));
    // containerd truncates to whole seconds (floor, also before 1970).
    return new TarHeader(name, link, type, m.mode(), m.uid(), m.gid(), size, time.getEpochSecond(), major, minor, records);
  }

  private void copyContent(LayerEntry.File f) throws IOException {
    long remaining = f.size();
    try (InputStream in = f.content().open()) {
      while (remaining > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) throw new InvalidLayerEntryException(f.path(), "content ended " + remaining + " bytes short of its size " + f.size());
        out.write(buffer, 0, n);
        remaining -= n;
      }
      if (in.read() >= 0) throw new InvalidLayerEntryException(f.path(), "content is longer than its size " + f.size());
    }
    out.write(new byte[TarBlock.padding(f.size())]);
  }
}

package dev.lade.buildkit.fs.differential;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerReader;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A layer as comparable text, path by path: type, mode, owner, size, content hash, link target and
 * modification times: files' and symlinks' exactly; a directory's as "context" (the test contexts'
 * fixed time), "recent" (set during the build) or its exact value, so that two builds a few
 * seconds apart compare equal while a kept time never passes for a new one.
 */
final class LayerDescriptions {
  private LayerDescriptions() {}

  static Map<String, String> of(BlobStore blobs, Digest layer) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (LayerReader reader = new LayerReader(blobs.open(layer))) {
      for (LayerEntry e = reader.next(); e != null; e = reader.next()) out.put(e.path(), describe(e));
    }
    return out;
  }

  static Map<String, String> of(Collection<LayerEntry> entries) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (LayerEntry e : entries) out.put(e.path(), describe(e));
    return out;
  }

  private static String describe(LayerEntry e) throws IOException {
    return switch (e) {
      case LayerEntry.File f -> "file " + meta(f.metadata()) + " " + f.size() + " " + time(f.metadata()) + " " + hash(f);
      case LayerEntry.Directory d -> "dir " + meta(d.metadata()) + " " + directoryTime(d.metadata().modTime());
      case LayerEntry.Symlink s -> "symlink " + meta(s.metadata()) + " " + time(s.metadata()) + " -> " + s.target();
      case LayerEntry.Hardlink h -> "hardlink " + meta(h.metadata()) + " => " + h.target();
      default -> e.toString();
    };
  }

  private static String hash(LayerEntry.File f) throws IOException {
    try (InputStream in = f.content().open()) {
      return Digest.sha256(in).hex().substring(0, 12);
    }
  }

  private static String directoryTime(Instant t) {
    if (t.equals(CopyContexts.MTIME)) return "context";
    if (Duration.between(t, Instant.now()).abs().compareTo(Duration.ofMinutes(10)) < 0) return "recent";
    return Long.toString(t.getEpochSecond());
  }

  private static long time(EntryMetadata m) {
    return m.modTime().getEpochSecond();
  }

  private static String meta(EntryMetadata m) {
    return String.format("%04o %d:%d", m.mode(), m.uid(), m.gid());
  }
}

package dev.lade.buildkit.fs.archive;

import dev.lade.buildkit.fs.SharedContent;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unpacks a tar stream for ADD in one pass: entries come back in archive order with paths relative
 * to the extraction directory, each regular file's content written to its own file under a
 * scratch directory (the layer is written later, so the stream cannot serve it). Hard links become
 * files sharing their target's content, so the copier links them again.
 */
public final class ArchiveExtractor {
  private ArchiveExtractor() {}

  /**
   * Reads {@code tar} to its end (closing it).
   *
   * @param scratch an existing directory the file contents are written into
   * @throws InvalidArchiveException for an entry whose path leaves the extraction directory, a
   *     hard link to a missing entry, or a malformed archive
   */
  public static List<LayerEntry> extract(InputStream tar, Path scratch) throws IOException {
    List<LayerEntry> out = new ArrayList<>();
    Map<String, LayerEntry.File> files = new HashMap<>();
    try (LayerReader reader = LayerReader.entriesOnly(tar)) {
      for (LayerEntry entry = next(reader); entry != null; entry = next(reader)) {
        if (entry.path().isEmpty()) continue;
        switch (entry) {
          case LayerEntry.File file -> {
            Path stored = Files.createTempFile(scratch, "add-", "");
            try (InputStream in = file.content().open()) {
              Files.copy(in, stored, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            LayerEntry.File copy = new LayerEntry.File(file.path(), file.metadata(), file.size(),
                new StoredContent(stored, stored));
            files.put(file.path(), copy);
            out.add(copy);
          }
          case LayerEntry.Hardlink link -> {
            LayerEntry.File target = files.get(link.target());
            if (target == null) throw new InvalidArchiveException("hard link " + link.path()
                + " to missing " + link.target());
            out.add(new LayerEntry.File(link.path(), target.metadata(), target.size(), target.content()));
          }
          default -> out.add(entry);
        }
      }
    }
    return out;
  }

  private static LayerEntry next(LayerReader reader) throws IOException {
    try {
      return reader.next();
    } catch (IllegalArgumentException e) { // an unclean path such as ../etc/passwd
      throw new InvalidArchiveException(e.getMessage());
    }
  }

  /** Content stored in a scratch file; hard links share the inode key. */
  private record StoredContent(Path file, Object inode) implements SharedContent {
    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(file);
    }
  }
}

package dev.lade.buildkit.fs;

import dev.lade.oci.layer.LayerEntry;
import java.util.List;

/**
 * What a COPY or ADD produced.
 *
 * @param entries the layer's entries (new files and the directories created to hold them), in
 *     any order; the layer writer sorts them. A step keyed by what it planned (a URL source) takes
 *     its key from their checksum ({@link dev.lade.buildkit.fs.copy.InputChecksum}); the others are
 *     keyed by their sources before anything is planned, so the entries are not hashed here.
 */
public record CopyResult(List<LayerEntry> entries) {
  public CopyResult {
    entries = List.copyOf(entries);
  }
}

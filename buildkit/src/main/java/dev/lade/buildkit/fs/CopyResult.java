package dev.lade.buildkit.fs;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.LayerEntry;
import java.util.List;
import java.util.Objects;

/**
 * What a COPY or ADD produced.
 *
 * @param entries the layer's entries (new files and the directories created to hold them), in
 *     any order; the layer writer sorts them
 * @param inputChecksum a digest of everything the step read that lands in the layer (contents,
 *     modes, owners, link targets, names), which the cache key is built from
 */
public record CopyResult(List<LayerEntry> entries, Digest inputChecksum) {
  public CopyResult {
    entries = List.copyOf(entries);
    Objects.requireNonNull(inputChecksum, "inputChecksum");
  }
}

package dev.lade.buildkit.fs.copy;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.util.Collection;

/**
 * The checksum of a layer a COPY or ADD planned: every entry the step writes, in layer order, as
 * {@link EntryDigest} describes entries (modification times left out). A step whose sources
 * cannot be checksummed before it is carried out (ADD of a URL) takes its cache key from this.
 */
public final class InputChecksum {
  private InputChecksum() {}

  public static Digest of(Collection<LayerEntry> entries) throws IOException {
    EntryDigest digest = new EntryDigest();
    for (LayerEntry entry : entries) digest.entry(entry);
    return digest.digest();
  }
}

package dev.lade.oci.image;

import dev.lade.oci.digest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * The layers of an image's root filesystem, by the digests of their uncompressed tars.
 *
 * @param type always {@code layers}
 * @param diffIds the DiffIDs, base layer first
 */
public record RootFs(String type, List<Digest> diffIds) {
  public static final String LAYERS = "layers";

  public RootFs {
    Objects.requireNonNull(type, "type");
    diffIds = List.copyOf(Objects.requireNonNullElse(diffIds, List.of()));
  }

  /** A root filesystem of type {@code layers}. */
  public static RootFs layers(List<Digest> diffIds) {
    return new RootFs(LAYERS, diffIds);
  }
}

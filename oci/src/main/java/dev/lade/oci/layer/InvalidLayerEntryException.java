package dev.lade.oci.layer;

/** An entry that cannot be written into a layer, with the path it concerns. */
public final class InvalidLayerEntryException extends IllegalArgumentException {
  private final String path;

  public InvalidLayerEntryException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** The path of the offending entry. */
  public String path() {
    return path;
  }
}

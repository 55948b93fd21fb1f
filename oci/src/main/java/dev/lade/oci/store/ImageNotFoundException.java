package dev.lade.oci.store;

import java.io.IOException;

/** No image in the store goes by the reference asked for. */
public final class ImageNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String reference;

  public ImageNotFoundException(String reference) {
    super("no such image: " + reference);
    this.reference = reference;
  }

  /** The reference as the user gave it. */
  public String reference() {
    return reference;
  }
}

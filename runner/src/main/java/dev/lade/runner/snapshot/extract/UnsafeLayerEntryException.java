package dev.lade.runner.snapshot.extract;

import java.io.IOException;

/** A layer entry that would write outside the snapshot (a {@code ..} name, a symlinked parent). */
public final class UnsafeLayerEntryException extends IOException {
  public UnsafeLayerEntryException(String layer, String problem) {
    super("layer " + layer + ": " + problem);
  }

  static UnsafeLayerEntryException entry(String layer, String entry, String problem) {
    return new UnsafeLayerEntryException(layer, "entry \"" + entry + "\" " + problem);
  }
}

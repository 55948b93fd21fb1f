package dev.lade.runner.snapshot.extract;

import java.io.IOException;

/** A layer entry that would write outside the snapshot (a {@code ..} name, a symlinked parent). */
public final class UnsafeLayerEntryException extends IOException {
  public UnsafeLayerEntryException(String layer, String entry, String problem) {
    super("layer " + layer + ": entry \"" + entry + "\" " + problem);
  }
}

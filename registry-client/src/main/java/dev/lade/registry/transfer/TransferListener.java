package dev.lade.registry.transfer;

import dev.lade.oci.image.Descriptor;

/** Hears how each blob of a copy goes; called from the copying threads. */
@FunctionalInterface
public interface TransferListener {
  /** What happened to a blob. */
  enum Event {
    /** The blob is being sent. */
    STARTED,
    /** The blob was sent. */
    DONE,
    /** The target already had it. */
    EXISTS,
    /** The target mounted it from another repository. */
    MOUNTED
  }

  /** A listener that ignores everything. */
  TransferListener NONE = (blob, event) -> {};

  void blob(Descriptor blob, Event event);

  /**
   * How far a blob being sent has got: {@code bytes} of it read from the source. Called often
   * (for every read), so it must be cheap; after a retry that starts over, {@code bytes} goes back.
   */
  default void progress(Descriptor blob, long bytes) {}
}

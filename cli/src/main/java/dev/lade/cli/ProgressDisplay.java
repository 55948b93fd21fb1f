package dev.lade.cli;

import dev.lade.registry.transfer.TransferListener;
import java.io.PrintWriter;

/**
 * How a transfer command shows its blobs moving, on standard error: live bars on a terminal, plain
 * lines otherwise, nothing when quiet. Closing it when the transfer ends (or fails) leaves the
 * final state shown.
 */
interface ProgressDisplay extends TransferListener, AutoCloseable {

  @Override
  default void close() {}

  /**
   * The display for a transfer of {@code kind} writing to {@code err}.
   *
   * @param terminal whether {@code err} is a terminal, where lines can be redrawn
   */
  static ProgressDisplay on(PrintWriter err, TransferKind kind, boolean quiet, boolean terminal) {
    if (quiet) return (blob, event) -> {};
    if (!terminal) return new TransferProgress(err, kind);
    int columns = Terminal.columns();
    return new LiveProgress(err, kind, System::nanoTime, () -> columns);
  }
}

package dev.lade.registry.transfer;

import java.io.IOException;

/** A copy failed for a reason of its own (no image for the platform, a bad document); one line. */
public class TransferException extends IOException {
  private static final long serialVersionUID = 1L;

  public TransferException(String message) {
    super(message);
  }

  public TransferException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.lade.registry.testing;

import java.io.IOException;

/** A {@link LocalRegistry} did not come up; the message ends with the tail of its log. */
public final class RegistryStartException extends IOException {

  private static final long serialVersionUID = 1L;

  public RegistryStartException(String message, String logTail) {
    super(
        message + (logTail.isBlank() ? " (registry log is empty)" : "; registry log:\n" + logTail));
  }
}

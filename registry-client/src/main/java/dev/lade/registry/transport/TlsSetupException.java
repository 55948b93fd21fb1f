package dev.lade.registry.transport;

import java.io.IOException;

/** The TLS context of a registry host could not be made from its {@code certs.d} directory. */
public final class TlsSetupException extends IOException {
  private static final long serialVersionUID = 1L;

  TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.lade.oci.store;

import java.io.IOException;
import java.nio.file.Path;

/** A store file lade relies on ({@code index.json}, {@code oci-layout}, a manifest) is unreadable. */
public final class CorruptStoreException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptStoreException(Path file, String reason) {
    super("corrupt image store: " + file + ": " + reason);
  }

  public CorruptStoreException(String what, String reason, Throwable cause) {
    super("corrupt image store: " + what + ": " + reason, cause);
  }
}

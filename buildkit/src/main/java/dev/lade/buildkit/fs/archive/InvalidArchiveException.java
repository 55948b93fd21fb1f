package dev.lade.buildkit.fs.archive;

import java.io.IOException;

/** A local archive ADD cannot unpack: a path leaving the destination, a dangling hard link. */
public final class InvalidArchiveException extends IOException {
  public InvalidArchiveException(String reason) {
    super(reason);
  }
}

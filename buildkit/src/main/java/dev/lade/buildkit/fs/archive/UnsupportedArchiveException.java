package dev.lade.buildkit.fs.archive;

import java.io.IOException;

/** An archive lade recognises but cannot unpack yet. */
public final class UnsupportedArchiveException extends IOException {
  public UnsupportedArchiveException(String what) {
    super(what + " are not supported yet");
  }
}

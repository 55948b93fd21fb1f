package dev.lade.buildkit.fs.archive.xz;

import java.io.IOException;

/** An xz stream that breaks the format: a bad header, check or LZMA2 chunk. */
public final class CorruptXzException extends IOException {
  CorruptXzException(String reason) {
    super("corrupt xz data: " + reason);
  }
}

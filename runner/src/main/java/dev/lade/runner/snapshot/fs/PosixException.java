package dev.lade.runner.snapshot.fs;

import java.io.IOException;

/** A failed system call, with the call, the path and the error number's meaning. */
public final class PosixException extends IOException {
  private final int errno;

  PosixException(String call, String path, int errno, String meaning) {
    super(call + " " + path + ": " + meaning);
    this.errno = errno;
  }

  /** The error number, such as {@link Posix#EPERM}. */
  public int errno() {
    return errno;
  }
}

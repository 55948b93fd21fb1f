package dev.lade.runner.cgroup;

import java.io.IOException;

/** A cgroup could not be made, limited or removed; the message says which file and why. */
public final class CgroupException extends IOException {

  public CgroupException(String message) {
    super(message);
  }

  public CgroupException(String message, Throwable cause) {
    super(message, cause);
  }
}

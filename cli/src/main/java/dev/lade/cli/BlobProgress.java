package dev.lade.cli;

import java.time.Duration;

/**
 * One blob's state in a live progress view at one moment.
 *
 * @param id the blob's short id (the first 12 hex digits of its digest, as Docker shows layers)
 * @param stage where the blob is
 * @param size the blob's size in bytes
 * @param bytes how many of them have been read from the source
 * @param elapsed time since it started moving (until it finished, once it has)
 */
record BlobProgress(String id, Stage stage, long size, long bytes, Duration elapsed) {

  /** Where a blob is. */
  enum Stage {
    /** Its bytes are moving. */
    SENDING,
    /** All of it arrived. */
    SENT,
    /** The target had it already. */
    EXISTS,
    /** The target mounted it from another repository. */
    MOUNTED
  }

  /** Bytes per second so far; 0 before a millisecond has passed. */
  long bytesPerSecond() {
    long millis = elapsed.toMillis();
    return millis <= 0 ? 0 : bytes * 1000 / millis;
  }
}

package dev.lade.cli;

import dev.lade.oci.digest.DigestAlgorithm;

/**
 * Start-up work done on a second thread while the main thread reads the command line: the JDK's security providers,
 * which the first SHA-256 of every command that touches the store starts (the {@code java.security} file read and
 * parsed, the SUN provider's services registered: 8 ms of a no-op build, interpreted). The main thread then finds
 * them ready, or waits for them on their class initialisation, as it would have had to anyway.
 */
final class WarmUp implements Runnable {
  private WarmUp() {}

  /** Starts the warm-up for a command that names a subcommand; help and version need none of it. */
  static void startFor(String... args) {
    if (Commands.subcommandName(args) == null) return;
    Thread thread = new Thread(new WarmUp(), "lade-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    DigestAlgorithm.SHA256.newMessageDigest();
  }
}

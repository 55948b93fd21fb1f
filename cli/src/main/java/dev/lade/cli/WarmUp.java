package dev.lade.cli;

import dev.lade.oci.digest.DigestAlgorithm;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Start-up work done on a second thread while the main thread reads the command line: the JDK's security providers,
 * which the first SHA-256 of every command that touches the store starts (the {@code java.security} file read and
 * parsed, the SUN provider's services registered: 8 ms of a no-op build, interpreted). The main thread then finds
 * them ready, or waits for them on their class initialisation, as it would have had to anyway.
 *
 * <p>For the commands that talk to a registry, also the JDK's handler for http URLs: finding it asks a ServiceLoader
 * for URL handler providers, which opens and indexes every jar of the class path (50-90 ms, interpreted), once per JVM.
 *
 * <p>For {@code pull}, which hashes every byte it downloads, also 2 MiB of SHA-256: the JIT then has SHA-256's block
 * loop compiled (with the CPU's SHA instructions where it has them) before the first blob arrives, instead of the
 * blobs' first hundreds of megabytes going through the per-block Java code (a 500 MB pull of 5 layers, interleaved:
 * 1.39 -> 1.24 s, 1.88 -> 1.72 CPU-s).
 */
final class WarmUp implements Runnable {
  /** The subcommands whose first request makes an http(s) URL. */
  private static final Set<String> REGISTRY_COMMANDS =
      Set.of("pull", "push", "copy", "resolve", "tags", "manifest", "delete", "login");

  private static final int HASHED_BLOCKS = 32;

  private final boolean urlHandlers;
  private final boolean hashing;

  private WarmUp(boolean urlHandlers, boolean hashing) {
    this.urlHandlers = urlHandlers;
    this.hashing = hashing;
  }

  /** Starts the warm-up for a command that names a subcommand; help and version need none of it. */
  static void startFor(String... args) {
    String command = Commands.subcommandName(args);
    if (command == null) return;
    Thread thread = new Thread(new WarmUp(REGISTRY_COMMANDS.contains(command), command.equals("pull")), "lade-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    if (urlHandlers) {
      try {
        URI.create("http://localhost/").toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e); // a constant URL
      }
    }
    MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
    if (hashing) {
      byte[] block = new byte[64 * 1024];
      for (int i = 0; i < HASHED_BLOCKS; i++) sha256.update(block);
    }
  }
}

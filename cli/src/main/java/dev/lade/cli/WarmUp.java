package dev.lade.cli;

import dev.lade.oci.digest.DigestAlgorithm;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;

/**
 * Start-up work done on a second thread while the main thread reads the command line: the JDK's security providers,
 * which the first SHA-256 of every command that touches the store starts (the {@code java.security} file read and
 * parsed, the SUN provider's services registered: 8 ms of a no-op build, interpreted). The main thread then finds
 * them ready, or waits for them on their class initialisation, as it would have had to anyway.
 *
 * <p>For the commands that talk to a registry, also the JDK's handler for http URLs: finding it asks a ServiceLoader
 * for URL handler providers, which opens and indexes every jar of the class path (50-90 ms, interpreted), once per JVM.
 */
final class WarmUp implements Runnable {
  /** The subcommands whose first request makes an http(s) URL. */
  private static final Set<String> REGISTRY_COMMANDS =
      Set.of("pull", "push", "copy", "resolve", "tags", "manifest", "delete", "login");

  private final boolean urlHandlers;

  private WarmUp(boolean urlHandlers) {
    this.urlHandlers = urlHandlers;
  }

  /** Starts the warm-up for a command that names a subcommand; help and version need none of it. */
  static void startFor(String... args) {
    String command = Commands.subcommandName(args);
    if (command == null) return;
    Thread thread = new Thread(new WarmUp(REGISTRY_COMMANDS.contains(command)), "lade-warm-up");
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
    DigestAlgorithm.SHA256.newMessageDigest();
  }
}

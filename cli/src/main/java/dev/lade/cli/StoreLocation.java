package dev.lade.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the image store is when {@code --root} is not given. */
final class StoreLocation {
  private StoreLocation() {}

  static Path defaultRoot() {
    return defaultRoot(System.getenv(), isRoot(), System.getProperty("user.home"));
  }

  /**
   * {@code $LADE_ROOT}; else {@code /var/lib/lade} for root; else {@code $XDG_DATA_HOME/lade}; else
   * {@code ~/.local/share/lade}.
   */
  static Path defaultRoot(Map<String, String> env, boolean root, String home) {
    String explicit = env.get("LADE_ROOT");
    if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
    if (root) return Path.of("/var/lib/lade");
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "lade");
    return Path.of(home, ".local", "share", "lade");
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}

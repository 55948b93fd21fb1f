package dev.lade.runner.container;

/** A container's network. */
public enum NetworkMode {
  /** A private network namespace with only loopback: lade has no bridge, so the default is isolation. */
  NONE,
  /** The host's network namespace. */
  HOST;

  /** Parses {@code --network}: {@code none}, {@code host}, or {@code default}/{@code bridge} (as none). */
  public static NetworkMode parse(String value) throws InvalidContainerException {
    return switch (value) {
      case "none", "default", "bridge" -> NONE;
      case "host" -> HOST;
      default -> throw new InvalidContainerException(
          "network " + value + " not found (lade knows none and host)");
    };
  }
}

package dev.lade.runner.container;

/** A container's network. */
public enum NetworkMode {
  /**
   * Docker's default network (its bridge) as lade has it: a private network namespace with loopback (lade has no
   * bridge), the container's host name on loopback in /etc/hosts where the bridge would give its address.
   */
  DEFAULT,
  /** {@code --network none}: a private network namespace with loopback only, and no host name in /etc/hosts. */
  NONE,
  /** The host's network namespace. */
  HOST;

  /** Parses {@code --network}: {@code none}, {@code host}, or {@code default}/{@code bridge}. */
  public static NetworkMode parse(String value) throws InvalidContainerException {
    return switch (value) {
      case "default", "bridge" -> DEFAULT;
      case "none" -> NONE;
      case "host" -> HOST;
      default -> throw new InvalidContainerException(
          "network " + value + " not found (lade knows default, none and host)");
    };
  }
}

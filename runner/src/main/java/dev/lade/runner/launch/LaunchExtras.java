package dev.lade.runner.launch;

import java.util.List;

/**
 * What lade's launcher adds to a container beyond its runtime spec.
 *
 * @param ports host ports forwarded into its network ({@code -p})
 * @param tty whether its standard streams are a pseudo-terminal ({@code -t})
 */
public record LaunchExtras(List<PublishedPort> ports, boolean tty) {

  /** Nothing added. */
  public static final LaunchExtras NONE = new LaunchExtras(List.of(), false);

  public LaunchExtras {
    ports = List.copyOf(ports);
  }
}

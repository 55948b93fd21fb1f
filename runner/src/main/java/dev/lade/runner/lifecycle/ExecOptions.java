package dev.lade.runner.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * What {@code lade exec} asks beyond the container's own process settings, as docker exec's flags.
 *
 * @param command the command and its arguments
 * @param env {@code KEY=value} entries added to (or replacing) the container's
 * @param user the user to run as, or empty for the container's
 * @param workdir the working directory, or empty for the container's
 * @param tty whether its standard streams are a pseudo-terminal
 */
public record ExecOptions(List<String> command, List<String> env, Optional<String> user,
    Optional<String> workdir, boolean tty) {

  public ExecOptions {
    command = List.copyOf(command);
    env = List.copyOf(env);
  }
}

package dev.lade.runner.launch;

import java.lang.ProcessBuilder.Redirect;
import java.util.Objects;

/**
 * Where a container's standard streams go.
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error
 */
public record Stdio(Redirect in, Redirect out, Redirect err) {

  /** The caller's own streams, as a foreground {@code lade run}. */
  public static final Stdio INHERIT = new Stdio(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);

  public Stdio {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }
}

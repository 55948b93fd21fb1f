package dev.lade.dockerfile.ast;

/** {@code RUN --security}: whether a build step runs confined. */
public enum SecurityMode {
  /** The default: the usual confinement. */
  SANDBOX,
  /** Privileged (needs the {@code security.insecure} entitlement). */
  INSECURE;

  /** The value as written in a Dockerfile, e.g. {@code insecure}. */
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

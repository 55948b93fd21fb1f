package dev.lade.dockerfile.ast;

/** {@code RUN --network}: which network a build step sees. */
public enum NetworkMode {
  /** The builder's default network. */
  DEFAULT,
  /** No network at all. */
  NONE,
  /** The host's network (needs the {@code network.host} entitlement). */
  HOST;

  /** The value as written in a Dockerfile, e.g. {@code none}. */
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package dev.lade.registry.testing;

/** How a token's JOSE header tells the registry which key signed it. */
public enum SigningKeyHeader {
  /**
   * {@code kid}: the libtrust key ID of the signing key, which distribution 2.x looks up among the
   * keys of its {@code rootcertbundle}.
   */
  KID,
  /** {@code x5c}: the signing certificate, which the registry verifies against its bundle. */
  X5C
}

package dev.lade.oci.platform;

/**
 * A platform specifier that cannot be parsed. Messages mirror containerd's, such as {@code
 * "linux/arm/foo/bar": cannot parse platform specifier: invalid argument}.
 */
public final class InvalidPlatformException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidPlatformException(String message) {
    super(message + ": invalid argument");
  }
}

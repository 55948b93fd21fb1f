package dev.lade.registry;

/**
 * One entry of a registry's error body ({@code {"errors":[{"code":"MANIFEST_UNKNOWN",
 * "message":"manifest unknown"}]}}), as the OCI distribution spec defines it; {@code detail} is
 * left out, as registries put arbitrary (and large) JSON there.
 */
public record RegistryError(String code, String message) {

  public RegistryError {
    code = code == null ? "" : code;
    message = message == null ? "" : message;
  }

  @Override
  public String toString() {
    if (code.isEmpty()) return message;
    return message.isEmpty() ? code : code + ": " + message;
  }
}

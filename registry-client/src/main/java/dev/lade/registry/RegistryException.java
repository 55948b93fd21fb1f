package dev.lade.registry;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A registry operation failed. The message is one line naming the registry, the operation and
 * what it was on, then what went wrong, such as {@code registry 127.0.0.1:5000: push manifest
 * lade/x:1: MANIFEST_INVALID: manifest invalid}. It never holds credentials or tokens.
 */
public class RegistryException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String registry;
  private final String operation;
  private final int status;
  private final List<RegistryError> errors;

  /**
   * @param registry the registry host
   * @param operation what was being done and on what, such as {@code pull manifest lade/x:1}
   * @param status the HTTP status, or 0 when there was no response
   * @param errors the registry's errors from the response body
   * @param reason what went wrong, used when there are no errors
   */
  public RegistryException(
      String registry, String operation, int status, List<RegistryError> errors, String reason, Throwable cause) {
    super(message(registry, operation, status, errors, reason), cause);
    this.registry = registry;
    this.operation = operation;
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  /** A failure without a usable response, such as a refused connection. */
  public RegistryException(String registry, String operation, String reason, Throwable cause) {
    this(registry, operation, 0, List.of(), reason, cause);
  }

  private static String message(
      String registry, String operation, int status, List<RegistryError> errors, String reason) {
    String what = errors.isEmpty()
        ? reason
        : errors.stream().map(RegistryError::toString).collect(Collectors.joining("; "));
    return ("registry " + registry + ": " + operation + ": " + what).replace('\n', ' ');
  }

  /** The registry host. */
  public String registry() {
    return registry;
  }

  /** What was being done, such as {@code push manifest lade/x:1}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status, or 0 if no response came. */
  public int status() {
    return status;
  }

  /** The registry's error entries; empty if it sent none. */
  public List<RegistryError> errors() {
    return errors;
  }

  /** Whether the registry reported error {@code code}, such as {@code MANIFEST_UNKNOWN}. */
  public boolean hasCode(String code) {
    return errors.stream().anyMatch(e -> e.code().equals(code));
  }
}

package dev.lade.registry.testing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When a {@link FaultProxy} injects a {@link Fault}: for requests whose method equals {@code
 * method} ({@code *} for any) and whose path (without query) wholly matches {@code path}, it skips
 * the first {@code skip} such requests and injects into the next {@code times}.
 */
public record FaultRule(String method, Pattern path, Fault fault, int skip, int times) {

  public FaultRule {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(fault, "fault");
    if (skip < 0 || times < 0) {
      throw new IllegalArgumentException("skip and times must not be negative");
    }
  }

  /** Injects {@code fault} into the first matching request only. */
  public static FaultRule on(String method, String pathRegex, Fault fault) {
    return new FaultRule(method, Pattern.compile(pathRegex), fault, 0, 1);
  }

  /** The same rule, letting the first {@code count} matching requests through. */
  public FaultRule skipping(int count) {
    return new FaultRule(method, path, fault, count, times);
  }

  /** The same rule, injecting into {@code count} matching requests. */
  public FaultRule times(int count) {
    return new FaultRule(method, path, fault, skip, count);
  }

  /** The same rule, injecting into every matching request after the skipped ones. */
  public FaultRule always() {
    return times(Integer.MAX_VALUE);
  }

  boolean matches(String requestMethod, String requestPath) {
    return (method.equals("*") || method.equalsIgnoreCase(requestMethod))
        && path.matcher(requestPath).matches();
  }

  /** Whether the {@code n}-th matching request (counting from 1) gets the fault. */
  boolean appliesTo(int n) {
    return n > skip && n - skip <= times;
  }
}

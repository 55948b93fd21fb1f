package dev.lade.registry.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One resource and the actions on it, as in a token request's {@code scope} parameter ({@code
 * repository:library/alpine:pull,push}) and in a token's {@code access} claim.
 */
public record Scope(String type, String name, List<String> actions) {

  public Scope {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    actions = List.copyOf(actions);
  }

  /** A {@code repository} scope. */
  public static Scope repository(String name, String... actions) {
    return new Scope("repository", name, List.of(actions));
  }

  /**
   * Parses {@code type:name:actions}. The name may itself hold colons (a registry host with a
   * port), so the type ends at the first colon and the actions start after the last.
   */
  public static Scope parse(String text) {
    int first = text.indexOf(':');
    int last = text.lastIndexOf(':');
    if (first < 0 || last == first) {
      throw new IllegalArgumentException("scope is not type:name:actions: " + text);
    }
    String actions = text.substring(last + 1);
    return new Scope(
        text.substring(0, first),
        text.substring(first + 1, last),
        actions.isEmpty() ? List.of() : Arrays.asList(actions.split(",")));
  }

  @Override
  public String toString() {
    return type + ":" + name + ":" + String.join(",", actions);
  }
}

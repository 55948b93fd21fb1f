package dev.lade.registry.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A resource and actions on it, as in a token request's {@code scope} parameter: {@code
 * repository:library/alpine:pull,push}.
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

  /** Pulling from repository {@code name}. */
  public static Scope pull(String name) {
    return repository(name, "pull");
  }

  /** Pushing to (and pulling from, which pushes need) repository {@code name}. */
  public static Scope push(String name) {
    return repository(name, "pull", "push");
  }

  /**
   * Parses {@code type:name:actions}; the name may hold colons (a host with a port), so the type
   * ends at the first colon and the actions start after the last.
   *
   * @throws IllegalArgumentException if {@code text} is not of that form
   */
  public static Scope parse(String text) {
    int first = text.indexOf(':');
    int last = text.lastIndexOf(':');
    if (first < 0 || last == first) throw new IllegalArgumentException("scope is not type:name:actions: " + text);
    String actions = text.substring(last + 1);
    return new Scope(
        text.substring(0, first),
        text.substring(first + 1, last),
        actions.isEmpty() ? List.of() : List.of(actions.split(",")));
  }

  /** Whether this scope names the same resource as {@code other}. */
  public boolean sameResource(Scope other) {
    return type.equals(other.type) && name.equals(other.name);
  }

  /** This scope with the actions of {@code other} (on the same resource) added. */
  public Scope merge(Scope other) {
    if (!sameResource(other)) throw new IllegalArgumentException(other + " is not on " + type + ":" + name);
    List<String> union = new ArrayList<>(actions);
    other.actions.stream().filter(a -> !union.contains(a)).forEach(union::add);
    return new Scope(type, name, union);
  }

  @Override
  public String toString() {
    return type + ":" + name + ":" + String.join(",", actions);
  }
}

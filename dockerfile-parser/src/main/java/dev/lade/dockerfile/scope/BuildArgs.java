package dev.lade.dockerfile.scope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values given with {@code --build-arg NAME=VALUE}, immutable.
 *
 * <p>A build argument only takes effect where the Dockerfile declares it with {@code ARG} (or for
 * the automatic platform arguments, which it overrides). Proxy arguments such as {@code
 * HTTP_PROXY} reach {@code RUN} without a declaration; that is the builder's business, not
 * expansion's.
 */
public final class BuildArgs {
  private static final BuildArgs NONE = new BuildArgs(Map.of());

  private final Map<String, String> values;

  private BuildArgs(Map<String, String> values) {
    this.values = values;
  }

  /** No build arguments. */
  public static BuildArgs none() {
    return NONE;
  }

  /** Build arguments from a map (copied, order kept). */
  public static BuildArgs of(Map<String, String> values) {
    return new BuildArgs(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  /**
   * Build arguments from {@code NAME=VALUE} strings, as given on the command line; a later value
   * for a name wins.
   *
   * @throws IllegalArgumentException for an entry without {@code =} or with an empty name
   */
  public static BuildArgs parse(List<String> entries) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : entries) {
      int eq = e.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("build argument must be NAME=VALUE: " + e);
      m.put(e.substring(0, eq), e.substring(eq + 1));
    }
    return of(m);
  }

  /** The value given for {@code name}, if any (it may be the empty string). */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Whether a value was given for {@code name}. */
  public boolean contains(String name) {
    return values.containsKey(name);
  }

  /** All values, in the order given. */
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}

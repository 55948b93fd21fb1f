package dev.lade.dockerfile.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Variables visible to the word expander. A variable can be set to the empty string. */
public interface Env {
  /** The value of {@code name}, or empty when it is not set. */
  Optional<String> get(String name);

  /** The names of all set variables. */
  Set<String> names();

  /** An environment over a map (copied). */
  static Env of(Map<String, String> vars) {
    Map<String, String> copy = Map.copyOf(vars);
    return new Env() {
      @Override public Optional<String> get(String name) { return Optional.ofNullable(copy.get(name)); }
      @Override public Set<String> names() { return copy.keySet(); }
    };
  }

  /** An environment over {@code KEY=VALUE} entries; a later entry for a key wins. */
  static Env ofEntries(List<String> entries) {
    return of(parseEntries(entries));
  }

  /**
   * {@code KEY=VALUE} entries (an entry without {@code =} sets its name to the empty string) as an
   * ordered map; a later entry for a key wins.
   */
  static Map<String, String> parseEntries(List<String> entries) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : entries) {
      int eq = e.indexOf('=');
      if (eq < 0) m.put(e, "");
      else m.put(e.substring(0, eq), e.substring(eq + 1));
    }
    return m;
  }
}

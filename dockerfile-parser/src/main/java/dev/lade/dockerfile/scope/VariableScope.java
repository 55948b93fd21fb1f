package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.shell.Env;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, ordered set of variables: the global build arguments, or the environment in effect
 * at one instruction of a stage.
 *
 * <p>Setting a variable that is already set replaces its value and keeps its position, like
 * BuildKit's {@code EnvList.AddOrReplace}. The order only matters for "did you mean" suggestions,
 * which take the first close name.
 */
public final class VariableScope implements Env {
  private static final VariableScope EMPTY = new VariableScope(Map.of());

  private final Map<String, String> vars;

  private VariableScope(Map<String, String> vars) {
    this.vars = vars;
  }

  /** The scope with no variables. */
  public static VariableScope empty() {
    return EMPTY;
  }

  /** A scope holding {@code vars} in their iteration order. */
  public static VariableScope of(Map<String, String> vars) {
    return new VariableScope(Collections.unmodifiableMap(new LinkedHashMap<>(vars)));
  }

  /** A scope over {@code KEY=VALUE} entries, as in an image config's {@code Env}; later keys win. */
  public static VariableScope ofEntries(List<String> entries) {
    return of(Env.parseEntries(entries));
  }

  /** This scope with {@code name} set to {@code value}. */
  public VariableScope with(String name, String value) {
    if (value.equals(vars.get(name))) return this;
    Map<String, String> m = new LinkedHashMap<>(vars);
    m.put(name, value);
    return new VariableScope(Collections.unmodifiableMap(m));
  }

  /** This scope with every variable of {@code other} set, {@code other}'s values winning. */
  public VariableScope withAll(VariableScope other) {
    if (other.vars.isEmpty()) return this;
    Map<String, String> m = new LinkedHashMap<>(vars);
    m.putAll(other.vars);
    return new VariableScope(Collections.unmodifiableMap(m));
  }

  @Override
  public Optional<String> get(String name) {
    return Optional.ofNullable(vars.get(name));
  }

  /** Whether {@code name} is set (possibly to the empty string). */
  public boolean contains(String name) {
    return vars.containsKey(name);
  }

  /** The names of the set variables, in order. */
  @Override
  public Set<String> names() {
    return vars.keySet();
  }

  /** The variables as an unmodifiable, ordered map. */
  public Map<String, String> asMap() {
    return vars;
  }

  /** The variables as {@code KEY=VALUE} entries, in order. */
  public List<String> entries() {
    return vars.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VariableScope s && entries().equals(s.entries());
  }

  @Override
  public int hashCode() {
    return vars.hashCode();
  }

  @Override
  public String toString() {
    return vars.toString();
  }
}

package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.shell.Env;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
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
 *
 * <p>A changed scope shares its structure with the original ({@link HashTrie}), so that keeping
 * the scope of every instruction of a long stage costs O(log n) per ENV or ARG, not a copy.
 */
public final class VariableScope implements Env {
  private static final VariableScope EMPTY = new VariableScope(HashTrie.empty());

  /** A variable's value and its position in the order the names were first set (0, 1, 2, ...). */
  private record Slot(String value, int position) {}

  private final HashTrie<Slot> slots;
  /** The names by position, built when first asked for (the fields it reads are final, so a race only builds it twice). */
  private List<String> order;

  private VariableScope(HashTrie<Slot> slots) {
    this.slots = slots;
  }

  /** The scope with no variables. */
  public static VariableScope empty() {
    return EMPTY;
  }

  /** A scope holding {@code vars} in their iteration order. */
  public static VariableScope of(Map<String, String> vars) {
    VariableScope scope = EMPTY;
    for (Map.Entry<String, String> e : vars.entrySet()) scope = scope.with(e.getKey(), e.getValue());
    return scope;
  }

  /** A scope over {@code KEY=VALUE} entries, as in an image config's {@code Env}; later keys win. */
  public static VariableScope ofEntries(List<String> entries) {
    return of(Env.parseEntries(entries));
  }

  /** This scope with {@code name} set to {@code value}. */
  public VariableScope with(String name, String value) {
    Slot slot = slots.get(name);
    if (slot != null && slot.value.equals(value)) return this;
    int position = slot == null ? slots.size() : slot.position;
    return new VariableScope(slots.with(name, new Slot(value, position)));
  }

  /** This scope with every variable of {@code other} set, {@code other}'s values winning. */
  public VariableScope withAll(VariableScope other) {
    VariableScope scope = this;
    for (String name : other.order()) scope = scope.with(name, other.slots.get(name).value);
    return scope;
  }

  @Override
  public Optional<String> get(String name) {
    Slot slot = slots.get(name);
    return slot == null ? Optional.empty() : Optional.of(slot.value);
  }

  /** Whether {@code name} is set (possibly to the empty string). */
  public boolean contains(String name) {
    return slots.get(name) != null;
  }

  /** The names of the set variables, in order, as an unmodifiable view. */
  @Override
  public Set<String> names() {
    return new AbstractSet<>() {
      @Override public Iterator<String> iterator() { return order().iterator(); }
      @Override public int size() { return slots.size(); }
      @Override public boolean contains(Object o) { return o instanceof String s && VariableScope.this.contains(s); }
    };
  }

  /** The variables as an unmodifiable, ordered map view. */
  public Map<String, String> asMap() {
    return new AbstractMap<>() {
      @Override public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
          @Override public Iterator<Map.Entry<String, String>> iterator() {
            return order().stream().map(n -> Map.entry(n, slots.get(n).value)).iterator();
          }
          @Override public int size() { return slots.size(); }
        };
      }
      @Override public String get(Object key) { return key instanceof String s ? VariableScope.this.get(s).orElse(null) : null; }
      @Override public boolean containsKey(Object key) { return key instanceof String s && contains(s); }
    };
  }

  /** The variables as {@code KEY=VALUE} entries, in order. */
  public List<String> entries() {
    return order().stream().map(n -> n + "=" + slots.get(n).value).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VariableScope s && entries().equals(s.entries());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  private List<String> order() {
    List<String> names = order;
    if (names == null) {
      String[] byPosition = new String[slots.size()];
      slots.forEach((name, slot) -> byPosition[slot.position] = name);
      names = List.of(byPosition);
      order = names;
    }
    return names;
  }
}

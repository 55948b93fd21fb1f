package dev.lade.dockerfile.ast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The flags an instruction was given, as {@link FlagSpec#parse} found them. */
final class ParsedFlags {
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, List<String>> lists = new HashMap<>();
  private final Set<String> used = new LinkedHashSet<>();

  void put(String name, String value) {
    values.put(name, value);
    used.add(name);
  }

  void add(String name, String value) {
    lists.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    used.add(name);
  }

  boolean isUsed(String name) {
    return used.contains(name);
  }

  /** A bool flag: false unless given as {@code --name} or {@code --name=true}. */
  boolean bool(String name) {
    return "true".equals(values.get(name));
  }

  /** A string flag's value, if given (it may be given empty). */
  Optional<String> string(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** A repeatable flag's values, in order. */
  List<String> strings(String name) {
    return List.copyOf(lists.getOrDefault(name, List.of()));
  }
}

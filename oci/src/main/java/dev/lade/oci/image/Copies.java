package dev.lade.oci.image;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Immutable, sorted copies for record components, so equal records print and iterate alike. */
final class Copies {
  private Copies() {}

  static <V> SortedMap<String, V> sortedMap(Map<String, V> map) {
    TreeMap<String, V> copy = new TreeMap<>();
    Objects.requireNonNullElse(map, Map.<String, V>of())
        .forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
    return Collections.unmodifiableSortedMap(copy);
  }

  static SortedSet<String> sortedSet(Set<String> set) {
    TreeSet<String> copy = new TreeSet<>();
    Objects.requireNonNullElse(set, Set.<String>of()).forEach(s -> copy.add(Objects.requireNonNull(s)));
    return Collections.unmodifiableSortedSet(copy);
  }
}

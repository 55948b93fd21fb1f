package dev.lade.registry.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Sets of {@link Scope}s: merged per resource and sorted, so equal needs give equal cache keys. */
public final class Scopes {
  private Scopes() {}

  /** {@code scopes} with actions merged per resource, sorted by resource and actions. */
  public static List<Scope> normalize(Collection<Scope> scopes) {
    List<Scope> merged = new ArrayList<>();
    for (Scope scope : scopes) {
      int at = indexOf(merged, scope);
      if (at < 0) merged.add(scope);
      else merged.set(at, merged.get(at).merge(scope));
    }
    return merged.stream()
        .map(s -> new Scope(s.type(), s.name(), s.actions().stream().sorted().toList()))
        .sorted(Comparator.comparing(Scope::toString))
        .toList();
  }

  /** Whether {@code granted} covers every action of {@code needed}. */
  public static boolean covers(Collection<Scope> granted, Collection<Scope> needed) {
    for (Scope need : needed) {
      boolean found = granted.stream()
          .anyMatch(g -> g.sameResource(need) && g.actions().containsAll(need.actions()));
      if (!found) return false;
    }
    return true;
  }

  private static int indexOf(List<Scope> scopes, Scope scope) {
    for (int i = 0; i < scopes.size(); i++) {
      if (scopes.get(i).sameResource(scope)) return i;
    }
    return -1;
  }
}

package dev.lade.dockerfile.ignore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A set of code points as Go's RE2 builds it for a bracket or a class escape: explicit ranges plus
 * named classes (Perl, POSIX, Unicode categories), possibly negated as a whole.
 */
final class CharClass {
  private final int[] ranges; // lo0, hi0, lo1, hi1, ...
  private final List<IntPredicate> named;
  private final boolean negated;

  private CharClass(int[] ranges, List<IntPredicate> named, boolean negated) {
    this.ranges = ranges;
    this.named = named;
    this.negated = negated;
  }

  boolean contains(int c) {
    boolean in = false;
    for (int i = 0; i < ranges.length && !in; i += 2) in = c >= ranges[i] && c <= ranges[i + 1];
    for (int i = 0; i < named.size() && !in; i++) in = named.get(i).test(c);
    return in != negated;
  }

  /** A class holding just one named class, as {@code \d} or {@code \pL} outside brackets. */
  static CharClass of(IntPredicate named) {
    return new CharClass(new int[0], List.of(named), false);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Collects the members of one bracket expression. */
  static final class Builder {
    private final List<Integer> ranges = new ArrayList<>();
    private final List<IntPredicate> named = new ArrayList<>();

    void addRange(int lo, int hi) {
      ranges.add(lo);
      ranges.add(hi);
    }

    void addNamed(IntPredicate p) {
      named.add(p);
    }

    CharClass build(boolean negated) {
      int[] r = ranges.stream().mapToInt(Integer::intValue).toArray();
      return new CharClass(r, List.copyOf(named), negated);
    }
  }
}

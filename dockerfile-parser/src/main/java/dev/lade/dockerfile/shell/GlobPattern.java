package dev.lade.dockerfile.shell;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.List;

/**
 * A substitution pattern: {@code *} matches any run of characters, {@code ?} one character, and {@code \*},
 * {@code \?}, {@code \\} (and {@code \}}, {@code \/}) match literally. There are no bracket classes.
 *
 * <p>BuildKit turns the pattern into a Go regular expression ({@code .*} or {@code .*?}, {@code .}), so wildcards never
 * match a newline and a match is the one a backtracking matcher would find first. This class gives the same answers
 * with a Thompson-style simulation: time is O(text × pattern), never exponential.
 */
final class GlobPattern {
  private static final byte LITERAL = 0;
  private static final byte ANY = 1;
  private static final byte STAR = 2;

  private final byte[] kinds;
  private final int[] literals;
  private final boolean greedy;

  private GlobPattern(byte[] kinds, int[] literals, boolean greedy) {
    this.kinds = kinds;
    this.literals = literals;
    this.greedy = greedy;
  }

  /**
   * Compiles a pattern; {@code greedy} makes {@code *} prefer the longest run (for ##, %% and replacement).
   *
   * @throws LexFailure with BuildKit's message for an invalid escape
   */
  static GlobPattern compile(String pattern, boolean greedy) {
    List<Integer> tokens = new ArrayList<>();
    RuneScanner in = new RuneScanner(pattern);
    for (int tok = in.next(); tok != RuneScanner.EOF; tok = in.next()) {
      if (tok == '*') {
        // Adjacent stars match the same texts with the same preferences as one.
        if (tokens.isEmpty() || tokens.getLast() != -STAR) {
          tokens.add(-STAR);
        }
      } else if (tok == '?') {
        tokens.add(-ANY);
      } else if (tok == '\\') {
        if (in.peek() == '}' || in.peek() == '/') {
          continue; // the escape only protected the ${} delimiter; the character itself follows
        }
        int escaped = in.next();
        if (escaped != '*' && escaped != '?' && escaped != '\\') {
          throw new LexFailure("invalid pattern (" + pattern + ") in substitution: invalid escape '\\"
              + GoUnicode.runeString(escaped) + "'");
        }
        tokens.add(escaped);
      } else {
        tokens.add(tok);
      }
    }
    byte[] kinds = new byte[tokens.size()];
    int[] literals = new int[tokens.size()];
    for (int i = 0; i < kinds.length; i++) {
      int t = tokens.get(i);
      kinds[i] = t == -STAR ? STAR : t == -ANY ? ANY : LITERAL;
      literals[i] = t;
    }
    return new GlobPattern(kinds, literals, greedy);
  }

  /** The end of the match that starts at index 0, or -1 when there is none. */
  int matchPrefix(int[] text) {
    int[] match = run(text, 0, true);
    return match == null ? -1 : match[1];
  }

  /** {@code [start, end)} of the leftmost match starting at or after {@code from}, or null when there is none. */
  int[] find(int[] text, int from) {
    return run(text, from, false);
  }

  private int[] run(int[] text, int from, boolean anchored) {
    int matchState = kinds.length;
    ThreadList current = new ThreadList(matchState + 1);
    ThreadList next = new ThreadList(matchState + 1);
    int[] found = null;
    for (int pos = from; ; pos++) {
      if (current.size == 0 && (found != null || (anchored && pos != from))) {
        break;
      }
      if (found == null && (!anchored || pos == from)) {
        addClosure(current, 0, pos); // a new attempt, with the lowest priority
      }
      int c = pos < text.length ? text[pos] : RuneScanner.EOF;
      next.clear();
      for (int i = 0; i < current.size; i++) {
        int state = current.states[i];
        int start = current.starts[i];
        if (state == matchState) {
          found = new int[] {start, pos};
          break; // threads after this one have lower priority
        }
        if (c != RuneScanner.EOF) {
          step(next, state, start, c);
        }
      }
      if (pos >= text.length) {
        break;
      }
      ThreadList swap = current;
      current = next;
      next = swap;
    }
    return found;
  }

  private void step(ThreadList next, int state, int start, int c) {
    switch (kinds[state]) {
      case LITERAL -> {
        if (literals[state] == c) {
          addClosure(next, state + 1, start);
        }
      }
      case ANY -> {
        if (c != '\n') {
          addClosure(next, state + 1, start);
        }
      }
      default -> {
        if (c != '\n') {
          addClosure(next, state, start);
        }
      }
    }
  }

  /** Adds a state; a star may also be skipped, and its preference decides which of the two comes first. */
  private void addClosure(ThreadList list, int state, int start) {
    if (state < kinds.length && kinds[state] == STAR) {
      if (greedy) {
        list.add(state, start);
        list.add(state + 1, start);
      } else {
        list.add(state + 1, start);
        list.add(state, start);
      }
    } else {
      list.add(state, start);
    }
  }

  /** Threads in priority order, at most one per state. */
  private static final class ThreadList {
    final int[] states;
    final int[] starts;
    private final int[] seen;
    private int generation = 1;
    int size;

    ThreadList(int capacity) {
      states = new int[capacity];
      starts = new int[capacity];
      seen = new int[capacity];
    }

    void clear() {
      generation++;
      size = 0;
    }

    void add(int state, int start) {
      if (seen[state] == generation) {
        return;
      }
      seen[state] = generation;
      states[size] = state;
      starts[size] = start;
      size++;
    }
  }
}

package dev.lade.dockerfile.shell;

import java.util.List;
import java.util.Set;

/**
 * The outcome of expanding one word or line.
 *
 * @param result the expanded text as one string (quotes removed, unless raw quotes were asked for)
 * @param words the expanded text split into words on unquoted whitespace
 * @param matched names of variables that were referenced and set
 * @param unmatched names of variables that were referenced but not set (for the UndefinedVar check)
 */
public record Expansion(String result, List<String> words, Set<String> matched, Set<String> unmatched) {
  public Expansion {
    words = List.copyOf(words);
    matched = Set.copyOf(matched);
    unmatched = Set.copyOf(unmatched);
  }
}

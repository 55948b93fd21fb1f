package dev.lade.dockerfile.parser;

import java.util.List;
import java.util.Optional;

/**
 * The parser directives of a Dockerfile.
 *
 * @param syntax the {@code syntax} directive's value, if present
 * @param escapeToken the escape and line-continuation character: {@code \} unless {@code escape} says {@code `}
 * @param check the {@code check} directive's value (lint configuration), if present
 * @param entries every directive in file order, with its line
 */
public record Directives(Optional<String> syntax, char escapeToken, Optional<String> check, List<Directive> entries) {
  /** BuildKit's default escape character. */
  public static final char DEFAULT_ESCAPE = '\\';

  public Directives {
    entries = List.copyOf(entries);
  }

  /** The directives given in {@code entries}, the last value of each name winning (names never repeat). */
  static Directives of(List<Directive> entries) {
    Optional<String> syntax = Optional.empty();
    Optional<String> check = Optional.empty();
    char escape = DEFAULT_ESCAPE;
    for (Directive d : entries) {
      switch (d.name()) {
        case DirectiveParser.SYNTAX -> syntax = Optional.of(d.value());
        case DirectiveParser.CHECK -> check = Optional.of(d.value());
        case DirectiveParser.ESCAPE -> escape = d.value().charAt(0);
        default -> throw new IllegalArgumentException("unknown directive " + d.name());
      }
    }
    return new Directives(syntax, escape, check, entries);
  }
}

package dev.lade.dockerfile.parser;

import java.util.List;

/**
 * A parsed Dockerfile.
 *
 * @param root the root node: no value, one child per instruction, spanning the first to the last instruction's lines
 * @param warnings problems the parser accepted, e.g. empty continuation lines
 * @param directives the parser directives at the top of the file
 */
public record ParseResult(Node root, List<ParseWarning> warnings, Directives directives) {
  public ParseResult {
    warnings = List.copyOf(warnings);
  }

  /** The escape character in effect. */
  public char escapeToken() {
    return directives.escapeToken();
  }
}

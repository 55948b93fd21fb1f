package dev.lade.dockerfile.ignore;

import java.util.List;

/** The parsed form of the regular expressions patternmatcher builds: a small subset of RE2. */
sealed interface RegexNode {
  /** One code point. */
  record Literal(int codePoint) implements RegexNode {}

  /** A bracket expression or class escape. */
  record Class(CharClass members) implements RegexNode {}

  /** {@code .}: any code point but newline (RE2 without the {@code s} flag). */
  record AnyButNewline() implements RegexNode {}

  /** An empty-width assertion: {@code ^ $ \A \z \b \B}. */
  record Assertion(Kind kind) implements RegexNode {
    enum Kind { BEGIN_TEXT, END_TEXT, WORD_BOUNDARY, NOT_WORD_BOUNDARY }
  }

  /** Nodes in sequence; empty matches the empty string. */
  record Concat(List<RegexNode> parts) implements RegexNode {}

  /** {@code a|b}. */
  record Alternate(List<RegexNode> choices) implements RegexNode {}

  /** {@code x* x+ x?}: {@code max} is -1 for unbounded. */
  record Repeat(RegexNode node, int min, int max) implements RegexNode {}
}

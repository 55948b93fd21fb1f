package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.parser.Node;
import java.util.Locale;

/**
 * The {@code AS} of a FROM should be cased like its {@code FROM}: {@code FROM debian:latest as
 * builder} warns. A FROM of mixed case is ConsistentInstructionCasing's business.
 */
public final class FromAsCasing extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("FromAsCasing", "from-as-casing",
      "The 'as' keyword should match the case of the 'from' keyword");

  public FromAsCasing() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (Node from : input.nodes("FROM")) {
      if (from.args().size() < 3) continue;
      String word = from.value();
      String as = from.args().get(1).value();
      boolean lower = word.equals(word.toLowerCase(Locale.ROOT));
      boolean upper = word.equals(word.toUpperCase(Locale.ROOT));
      if (!lower && !upper) continue;
      String expected = lower ? as.toLowerCase(Locale.ROOT) : as.toUpperCase(Locale.ROOT);
      if (!as.equals(expected)) {
        findings.report(INFO, from, "'" + as + "' and '" + word + "' keywords' casing do not match");
      }
    }
  }
}

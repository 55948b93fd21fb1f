package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.parser.ParseWarning;

/** An empty line inside a continued instruction warns; it will become an error. */
public final class NoEmptyContinuation extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("NoEmptyContinuation", "no-empty-continuation",
      "Empty continuation lines will become errors in a future release");

  public NoEmptyContinuation() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (ParseWarning w : input.parsed().warnings()) {
      findings.report(INFO, w.startLine(), "Empty continuation line");
    }
  }
}

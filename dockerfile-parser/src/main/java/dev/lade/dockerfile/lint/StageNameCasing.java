package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.parser.Node;
import java.util.Locale;

/** Stage names should be lowercase: {@code FROM alpine AS BuilderBase} warns. */
public final class StageNameCasing extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("StageNameCasing", "stage-name-casing",
      "Stage names should be lowercase");

  public StageNameCasing() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (Node from : input.nodes("FROM")) {
      if (from.args().size() != 3) continue;
      String name = from.args().get(2).value();
      if (!name.equals(name.toLowerCase(Locale.ROOT))) {
        findings.report(INFO, from, "Stage name '" + name + "' should be lowercase");
      }
    }
  }
}

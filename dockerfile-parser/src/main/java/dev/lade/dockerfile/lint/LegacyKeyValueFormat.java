package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Env;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Label;
import dev.lade.dockerfile.parser.Node;
import dev.lade.dockerfile.scope.EvaluatedInstruction;

/** {@code ENV key value} and {@code LABEL key value} are the legacy forms of {@code key=value}. */
public final class LegacyKeyValueFormat extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("LegacyKeyValueFormat", "legacy-key-value-format",
      "Legacy key/value format with whitespace separator should not be used");

  public LegacyKeyValueFormat() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (EvaluatedInstruction e : input.evaluated()) {
      Instruction i = e.instruction();
      boolean legacy = i instanceof Env env && env.legacyForm() || i instanceof Label l && l.legacyForm();
      if (!legacy) continue;
      Node n = input.node(i);
      findings.report(INFO, n, "\"" + n.value() + " key=value\" should be used instead of legacy \""
          + n.value() + " key value\" format");
    }
  }
}

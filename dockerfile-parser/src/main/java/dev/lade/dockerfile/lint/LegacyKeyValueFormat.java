package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Env;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Label;
import dev.lade.dockerfile.ast.Stage;
import dev.lade.dockerfile.parser.Node;

/** {@code ENV key value} and {@code LABEL key value} are the legacy forms of {@code key=value}. */
public final class LegacyKeyValueFormat implements LintRule {
  static final RuleInfo INFO = RuleInfo.stable("LegacyKeyValueFormat", "legacy-key-value-format",
      "Legacy key/value format with whitespace separator should not be used");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintInput input, Findings findings) {
    if (input.dockerfile().isEmpty()) return;
    for (Stage stage : input.dockerfile().get().stages()) {
      for (Instruction i : stage.instructions()) {
        boolean legacy = i instanceof Env e && e.legacyForm() || i instanceof Label l && l.legacyForm();
        if (!legacy) continue;
        Node n = input.node(i);
        findings.report(INFO, n, "\"" + n.value() + " key=value\" should be used instead of legacy \""
            + n.value() + " key value\" format");
      }
    }
  }
}

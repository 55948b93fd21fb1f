package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Suggest;
import dev.lade.dockerfile.scope.EvaluatedInstruction;
import dev.lade.dockerfile.scope.UndefinedVariable;

/**
 * A variable used in an expanded word that is neither set nor declared with ARG warns, with a
 * "did you mean" for a near miss ({@code $PAHT} for {@code $PATH}). Shell-form RUN, CMD and
 * ENTRYPOINT are the shell's business and not checked.
 *
 * <p>A base image's own variables are only known when the linter is given them; without, a
 * stage on an image has only the default {@code PATH}.
 */
public final class UndefinedVar extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("UndefinedVar", "undefined-var",
      "Variables should be defined before their use");

  public UndefinedVar() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (EvaluatedInstruction e : input.evaluated()) {
      for (UndefinedVariable v : e.undefined()) {
        String message = "Usage of undefined variable '$" + v.name() + "'"
            + Suggest.closest(v.name(), v.inScope(), true).map(s -> " (did you mean $" + s + "?)").orElse("");
        findings.report(INFO, input.node(e.instruction()), message);
      }
    }
  }
}

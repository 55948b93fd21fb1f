package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Suggest;
import dev.lade.dockerfile.scope.FromEvaluation;
import dev.lade.dockerfile.scope.StageEvaluation;
import dev.lade.dockerfile.shell.Expansion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A FROM may only use global ARGs (declared before the first FROM) and the automatic platform
 * arguments: {@code FROM node:22${VARIANT}} without {@code ARG VARIANT} warns, with a "did you
 * mean" for a near miss such as {@code $BUILDPLATFROM}.
 */
public final class UndefinedArgInFrom implements LintRule {
  static final RuleInfo INFO = RuleInfo.stable("UndefinedArgInFrom", "undefined-arg-in-from",
      "FROM command must use declared ARGs");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintInput input, Findings findings) {
    if (input.evaluation().isEmpty()) return;
    List<String> known = new ArrayList<>(input.evaluation().get().globals().knownNames());
    for (StageEvaluation stage : input.stages()) {
      FromEvaluation from = stage.from();
      Set<String> unmatched = new TreeSet<>(from.baseExpansion().unmatched());
      from.platformExpansion().map(Expansion::unmatched).ifPresent(unmatched::addAll);
      for (String name : unmatched) {
        if (known.contains(name)) continue;
        String message = "FROM argument '" + name + "' is not declared"
            + Suggest.closest(name, known, true).map(s -> " (did you mean " + s + "?)").orElse("");
        findings.report(INFO, input.node(from.from()), message);
      }
    }
  }
}

package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.scope.FromEvaluation;
import dev.lade.dockerfile.scope.StageEvaluation;
import dev.lade.dockerfile.shell.Expansion;
import java.util.Optional;

/**
 * {@code FROM --platform=$TARGETPLATFORM} is what FROM does anyway. Only a platform made of
 * {@code $TARGETPLATFORM} alone warns, not one that also uses another variable.
 */
public final class RedundantTargetPlatform extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("RedundantTargetPlatform", "redundant-target-platform",
      "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior");

  public RedundantTargetPlatform() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    if (input.evaluation().isEmpty()) return;
    Optional<String> target = input.evaluation().get().globals().values().get("TARGETPLATFORM");
    for (StageEvaluation stage : input.stages()) {
      FromEvaluation from = stage.from();
      if (from.platformExpansion().isEmpty()) continue;
      Expansion e = from.platformExpansion().get();
      boolean onlyTargetPlatform = e.matched().size() == 1 && e.unmatched().isEmpty()
          && e.matched().contains("TARGETPLATFORM");
      if (onlyTargetPlatform && target.filter(e.result()::equals).isPresent()) {
        findings.report(INFO, input.node(from.from()), "Setting platform to predefined "
            + from.from().platform().orElseThrow() + " in FROM is redundant as this is the default behavior");
      }
    }
  }
}

package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.scope.FromEvaluation;
import dev.lade.dockerfile.scope.Platform;
import dev.lade.dockerfile.scope.StageEvaluation;
import dev.lade.dockerfile.shell.Expansion;

/**
 * {@code FROM --platform=linux/amd64} pins the stage to one platform, which breaks multi-platform
 * builds. A stage whose name mentions the platform's OS or architecture
 * ({@code AS build_amd64}) is evidently meant to be pinned and does not warn.
 */
public final class FromPlatformFlagConstDisallowed extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("FromPlatformFlagConstDisallowed",
      "from-platform-flag-const-disallowed", "FROM --platform flag should not use a constant value");

  public FromPlatformFlagConstDisallowed() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (StageEvaluation stage : input.stages()) {
      FromEvaluation from = stage.from();
      if (from.platformExpansion().isEmpty()) continue;
      Expansion e = from.platformExpansion().get();
      if (!e.matched().isEmpty() || !e.unmatched().isEmpty()) continue;
      Platform p;
      try {
        p = Platform.parse(e.result());
      } catch (IllegalArgumentException notAPlatform) {
        continue;
      }
      String name = stage.stage().name().orElse("");
      if (name.contains(p.os()) || name.contains(p.architecture())) continue;
      findings.report(INFO, input.node(from.from()),
          "FROM --platform flag should not use constant value " + GoQuote.quote(e.result()));
    }
  }
}

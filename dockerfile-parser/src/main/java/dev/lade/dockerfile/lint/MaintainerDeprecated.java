package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.parser.Node;

/** MAINTAINER is deprecated: use {@code LABEL org.opencontainers.image.authors=...}. */
public final class MaintainerDeprecated extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("MaintainerDeprecated", "maintainer-deprecated",
      "The MAINTAINER instruction is deprecated, use a label instead to define an image author");

  public MaintainerDeprecated() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (Node n : input.nodes("MAINTAINER")) {
      findings.report(INFO, n, "Maintainer instruction is deprecated in favor of using label");
    }
  }
}

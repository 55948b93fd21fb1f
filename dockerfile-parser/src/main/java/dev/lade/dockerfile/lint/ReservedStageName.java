package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.parser.Node;
import java.util.Optional;
import java.util.Set;

/** {@code scratch} and {@code context} mean something else: {@code FROM alpine AS scratch} warns. */
public final class ReservedStageName extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("ReservedStageName", "reserved-stage-name",
      "Reserved words should not be used as stage names");
  private static final Set<String> RESERVED = Set.of("context", "scratch");

  public ReservedStageName() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (Node from : input.nodes("FROM")) {
      Optional<String> name = StageNames.of(from);
      if (name.isPresent() && RESERVED.contains(name.get())) {
        findings.report(INFO, from, "Stage name should not use the same name as reserved stage " + GoQuote.quote(name.get()));
      }
    }
  }
}

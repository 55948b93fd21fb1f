package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.parser.Node;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Stage names should be unique; the second {@code AS builder} warns. (lade's typed parser then
 * rejects the file, since {@code --from=builder} would be ambiguous.)
 */
public final class DuplicateStageName extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("DuplicateStageName", "duplicate-stage-name",
      "Stage names should be unique");

  public DuplicateStageName() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    Set<String> seen = new HashSet<>();
    for (Node from : input.nodes("FROM")) {
      Optional<String> name = StageNames.of(from);
      if (name.isPresent() && !seen.add(name.get())) {
        findings.report(INFO, from, "Duplicate stage name " + GoQuote.quote(name.get()) + ", stage names should be unique");
      }
    }
  }
}

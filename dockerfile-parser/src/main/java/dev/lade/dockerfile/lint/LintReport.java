package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.parser.DockerfileParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of checking a Dockerfile.
 *
 * @param warnings the findings of the rules that are on, by line
 * @param failOnWarnings whether warnings fail the check ({@code # check=error=true} or asked for)
 * @param error the error that stopped the Dockerfile from parsing or evaluating, if any; the
 *     warnings then cover what came before it
 */
public record LintReport(List<LintWarning> warnings, boolean failOnWarnings, Optional<DockerfileParseException> error) {
  public LintReport {
    warnings = List.copyOf(warnings);
  }

  /** Whether the warnings fail the check (the Dockerfile itself being valid). */
  public boolean failedOnWarnings() {
    return error.isEmpty() && failOnWarnings && !warnings.isEmpty();
  }

  /** BuildKit's error when warnings fail the build: {@code lint violation found for rules: A, B}. */
  public String violationMessage() {
    Set<String> rules = new LinkedHashSet<>();
    for (LintWarning w : warnings) rules.add(w.rule().name());
    return "lint violation found for rules: " + String.join(", ", rules);
  }
}

package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.scope.BuildArgs;
import dev.lade.dockerfile.scope.Platform;
import dev.lade.dockerfile.scope.ScopeOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lints Dockerfile text for tests, building for linux/amd64 on linux/amd64. */
final class Lint {
  private Lint() {}

  static LintReport report(String dockerfile, Map<String, String> buildArgs) {
    Platform p = Platform.parse("linux/amd64");
    ScopeOptions scope = new ScopeOptions(BuildArgs.of(buildArgs), p, p, Optional.empty());
    return DockerfileLinter.lint(dockerfile.getBytes(StandardCharsets.UTF_8), LintOptions.defaults().withScope(scope));
  }

  static LintReport report(String dockerfile) {
    return report(dockerfile, Map.of());
  }

  /** The warnings as {@code LINE: Rule - message}. */
  static List<String> warnings(String dockerfile) {
    return format(report(dockerfile));
  }

  static List<String> format(LintReport report) {
    return report.warnings().stream().map(w -> w.line() + ": " + w.rule().name() + " - " + w.message()).toList();
  }

  /** The warnings of one rule only, as {@code LINE: message}. */
  static List<String> of(String rule, String dockerfile) {
    return report(dockerfile).warnings().stream()
        .filter(w -> w.rule().name().equals(rule))
        .map(w -> w.line() + ": " + w.message())
        .toList();
  }
}

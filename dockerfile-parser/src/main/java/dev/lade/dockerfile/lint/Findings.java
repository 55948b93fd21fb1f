package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.parser.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the warnings of the rules that are on: the file's {@code # check=} configuration,
 * plus a {@code # check=} comment just before the instruction a warning is about (BuildKit's
 * {@code WithMergedConfigFromComments}: only the first such comment counts, and one that does
 * not parse is ignored).
 */
public final class Findings {
  private static final Pattern DIRECTIVE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");

  private final CheckConfig config;
  private final List<LintWarning> warnings = new ArrayList<>();

  Findings(CheckConfig config) {
    this.config = config;
  }

  /** Reports a warning about the instruction {@code at}. */
  public void report(RuleInfo rule, Node at, String message) {
    CheckConfig effective = commentConfig(at).map(config::merge).orElse(config);
    if (effective.enabled(rule)) warnings.add(new LintWarning(rule, message, at.startLine()));
  }

  /** Reports a warning about a line that no instruction node stands for. */
  public void report(RuleInfo rule, int line, String message) {
    if (config.enabled(rule)) warnings.add(new LintWarning(rule, message, line));
  }

  /** The warnings by line, rules in {@link LintRules#ALL} order on the same line. */
  List<LintWarning> sorted() {
    List<LintWarning> out = new ArrayList<>(warnings);
    out.sort(Comparator.comparingInt(LintWarning::line).thenComparingInt(w -> LintRules.order(w.rule())));
    return out;
  }

  private static Optional<CheckConfig> commentConfig(Node at) {
    for (String comment : at.comments()) {
      Matcher m = DIRECTIVE.matcher(comment);
      if (!m.matches() || !m.group(1).equalsIgnoreCase("check")) continue;
      try {
        return Optional.of(CheckConfig.parse(m.group(2)));
      } catch (IllegalArgumentException ignored) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}

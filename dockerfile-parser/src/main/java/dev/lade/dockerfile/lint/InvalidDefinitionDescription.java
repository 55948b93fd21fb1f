package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.parser.Node;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Experimental: a comment right above a named FROM or an ARG is taken as its description by
 * {@code docker build --call=outline}, so it should start with the stage or argument name:
 * {@code # base is a stage for compiling source} above {@code FROM scratch AS base}.
 */
public final class InvalidDefinitionDescription extends LintRule {
  static final RuleInfo INFO = RuleInfo.experimental("InvalidDefinitionDescription", "invalid-definition-description",
      "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. "
          + "If this is not intended to be a description comment, add an empty line or comment between the "
          + "instruction and the comment.");

  public InvalidDefinitionDescription() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    for (Node n : input.nodes()) {
      switch (n.value().toUpperCase(Locale.ROOT)) {
        case "FROM" -> StageNames.of(n).ifPresent(name -> validate(input, findings, n, "FROM", List.of(name)));
        case "ARG" -> validate(input, findings, n, "ARG",
            n.argValues().stream().map(InvalidDefinitionDescription::key).toList());
        default -> { }
      }
    }
  }

  private static void validate(LintInput input, Findings findings, Node n, String instruction, List<String> keys) {
    Optional<String> last = describingComment(input, n);
    if (last.isEmpty() || keys.isEmpty()) return;
    String first = last.get().split(" ", -1)[0];
    if (keys.contains(first)) return;
    String example = keys.size() > 1 ? "<arg_key>" : keys.get(0);
    findings.report(INFO, n, "Comment for " + instruction + " should follow the format: `# " + example + " <description>`");
  }

  /**
   * The last comment before {@code n}, if it is on the line right above: a blank line between
   * says the comment is not a description.
   */
  private static Optional<String> describingComment(LintInput input, Node n) {
    if (n.comments().isEmpty() || !input.line(n.startLine() - 1).strip().startsWith("#")) return Optional.empty();
    return Optional.of(n.comments().get(n.comments().size() - 1));
  }

  private static String key(String word) {
    int eq = word.indexOf('=');
    return eq < 0 ? word : word.substring(0, eq);
  }
}

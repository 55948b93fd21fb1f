package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.parser.Node;
import java.util.List;
import java.util.Locale;

/**
 * Instruction words should all be upper case or all lower case. The majority of the
 * consistently-cased words in the stages decides (a tie means upper case); every other word,
 * mixed-case ones included, warns. The ARGs before the first FROM are not counted, as in BuildKit.
 */
public final class ConsistentInstructionCasing extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("ConsistentInstructionCasing", "consistent-instruction-casing",
      "All commands within the Dockerfile should use the same casing (either upper or lower)");

  public ConsistentInstructionCasing() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    List<Node> nodes = stageNodes(input.nodes());
    int lower = 0;
    int upper = 0;
    for (Node n : nodes) {
      if (isLower(n.value())) lower++;
      else if (isUpper(n.value())) upper++;
    }
    boolean majorityLower = lower > upper;
    for (Node n : nodes) {
      String word = n.value();
      if (majorityLower && !isLower(word)) report(findings, n, "lowercase");
      else if (!majorityLower && !isUpper(word)) report(findings, n, "uppercase");
    }
  }

  private static void report(Findings findings, Node n, String casing) {
    findings.report(INFO, n, "Command '" + n.value() + "' should match the case of the command majority (" + casing + ")");
  }

  private static List<Node> stageNodes(List<Node> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).value().equalsIgnoreCase("FROM")) return nodes.subList(i, nodes.size());
    }
    return List.of();
  }

  private static boolean isLower(String s) {
    return s.equals(s.toLowerCase(Locale.ROOT));
  }

  private static boolean isUpper(String s) {
    return s.equals(s.toUpperCase(Locale.ROOT));
  }
}

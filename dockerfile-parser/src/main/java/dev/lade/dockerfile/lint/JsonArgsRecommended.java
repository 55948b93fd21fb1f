package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Cmd;
import dev.lade.dockerfile.ast.CommandLine;
import dev.lade.dockerfile.ast.Entrypoint;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Shell;
import dev.lade.dockerfile.parser.Node;

/**
 * CMD and ENTRYPOINT in shell form run under {@code /bin/sh -c}, which does not pass signals on.
 * An explicit SHELL in the stage (or a stage it builds on) says the shell is wanted, so then
 * nothing is reported. (A SHELL in the base image's config would too, but is not known here.)
 */
public final class JsonArgsRecommended extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("JSONArgsRecommended", "json-args-recommended",
      "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals");

  public JsonArgsRecommended() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    InheritedFlag.walk(input, (stage, e, shellSet) -> {
      Instruction i = e.instruction();
      if (i instanceof Shell) return true;
      if (!shellSet && shellForm(i)) {
        Node n = input.node(i);
        findings.report(INFO, n, "JSON arguments recommended for " + n.value()
            + " to prevent unintended behavior related to OS signals");
      }
      return shellSet;
    });
  }

  private static boolean shellForm(Instruction i) {
    return switch (i) {
      case Cmd c -> c.command() instanceof CommandLine.ShellForm;
      case Entrypoint e -> e.command() instanceof CommandLine.ShellForm;
      default -> false;
    };
  }
}

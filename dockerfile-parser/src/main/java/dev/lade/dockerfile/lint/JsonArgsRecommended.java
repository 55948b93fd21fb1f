package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Cmd;
import dev.lade.dockerfile.ast.CommandLine;
import dev.lade.dockerfile.ast.Entrypoint;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Shell;
import dev.lade.dockerfile.parser.Node;
import dev.lade.dockerfile.scope.EvaluatedInstruction;
import dev.lade.dockerfile.scope.StageEvaluation;

/**
 * CMD and ENTRYPOINT in shell form run under {@code /bin/sh -c}, which does not pass signals on.
 * An explicit SHELL in the stage (or a stage it builds on) says the shell is wanted, so then
 * nothing is reported. (A SHELL in the base image's config would too, but is not known here.)
 */
public final class JsonArgsRecommended implements LintRule {
  static final RuleInfo INFO = RuleInfo.stable("JSONArgsRecommended", "json-args-recommended",
      "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintInput input, Findings findings) {
    InheritedFlag shellSet = new InheritedFlag();
    for (StageEvaluation stage : input.stages()) {
      boolean shell = shellSet.atStart(stage);
      for (EvaluatedInstruction e : stage.instructions()) {
        Instruction i = e.instruction();
        if (i instanceof Shell) shell = true;
        if (!shell && shellForm(i)) {
          Node n = input.node(i);
          findings.report(INFO, n, "JSON arguments recommended for " + n.value()
              + " to prevent unintended behavior related to OS signals");
        }
      }
      shellSet.atEnd(stage, shell);
    }
  }

  private static boolean shellForm(Instruction i) {
    return switch (i) {
      case Cmd c -> c.command() instanceof CommandLine.ShellForm;
      case Entrypoint e -> e.command() instanceof CommandLine.ShellForm;
      default -> false;
    };
  }
}

package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Workdir;
import dev.lade.dockerfile.parser.GoQuote;
import dev.lade.dockerfile.scope.EvaluatedInstruction;
import dev.lade.dockerfile.scope.StageEvaluation;

/**
 * The first WORKDIR of a stage (and of the stages it builds on) should be absolute: a relative
 * one is relative to the base image's working directory, which may change. Later relative ones
 * are fine.
 */
public final class WorkdirRelativePath implements LintRule {
  static final RuleInfo INFO = RuleInfo.stable("WorkdirRelativePath", "workdir-relative-path",
      "Relative workdir without an absolute workdir declared within the build can have unexpected "
          + "results if the base image changes");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintInput input, Findings findings) {
    InheritedFlag workdirSet = new InheritedFlag();
    for (StageEvaluation stage : input.stages()) {
      boolean set = workdirSet.atStart(stage);
      String os = stage.from().platform().orElse(input.options().targetPlatform()).os();
      for (EvaluatedInstruction e : stage.instructions()) {
        if (!(e.expanded() instanceof Workdir w)) continue;
        if (!set && !isAbsolute(w.path(), os)) {
          findings.report(INFO, input.node(e.instruction()), "Relative workdir " + GoQuote.quote(w.path())
              + " can have unexpected results if the base image changes");
        }
        set = true;
      }
      workdirSet.atEnd(stage, set);
    }
  }

  private static boolean isAbsolute(String path, String os) {
    if (!os.equals("windows")) return path.startsWith("/");
    return path.startsWith("\\") || path.startsWith("/")
        || path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
            && (path.charAt(2) == '\\' || path.charAt(2) == '/');
  }
}

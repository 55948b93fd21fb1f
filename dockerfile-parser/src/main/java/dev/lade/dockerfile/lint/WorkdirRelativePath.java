package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Workdir;
import dev.lade.dockerfile.text.GoQuote;

/**
 * The first WORKDIR of a stage (and of the stages it builds on) should be absolute: a relative
 * one is relative to the base image's working directory, which may change. Later relative ones
 * are fine.
 */
public final class WorkdirRelativePath extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("WorkdirRelativePath", "workdir-relative-path",
      "Relative workdir without an absolute workdir declared within the build can have unexpected "
          + "results if the base image changes");

  public WorkdirRelativePath() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    InheritedFlag.walk(input, (stage, e, workdirSet) -> {
      if (!(e.expanded() instanceof Workdir w)) return workdirSet;
      String os = stage.from().platform().orElse(input.options().targetPlatform()).os();
      if (!workdirSet && !isAbsolute(w.path(), os)) {
        findings.report(INFO, input.node(e.instruction()), "Relative workdir " + GoQuote.quote(w.path())
            + " can have unexpected results if the base image changes");
      }
      return true;
    });
  }

  private static boolean isAbsolute(String path, String os) {
    if (!os.equals("windows")) return path.startsWith("/");
    return path.startsWith("\\") || path.startsWith("/")
        || path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
            && (path.charAt(2) == '\\' || path.charAt(2) == '/');
  }
}

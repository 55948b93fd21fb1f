package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Stage;
import dev.lade.dockerfile.ast.Suggest;
import dev.lade.dockerfile.scope.GlobalScope;
import dev.lade.dockerfile.shell.ShellExpansionException;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A FROM may only use global ARGs (declared before the first FROM) and the automatic platform
 * arguments: {@code FROM node:22${VARIANT}} without {@code ARG VARIANT} warns, with a "did you
 * mean" for a near miss such as {@code $BULIDPLATFORM}. Like BuildKit, this is checked before the
 * FROM is validated, so it also explains a FROM that then fails.
 */
public final class UndefinedArgInFrom extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("UndefinedArgInFrom", "undefined-arg-in-from",
      "FROM command must use declared ARGs");

  public UndefinedArgInFrom() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    if (input.dockerfile().isEmpty() || input.evaluation().isEmpty()) return;
    GlobalScope globals = input.evaluation().get().globals();
    List<String> known = new ArrayList<>(globals.knownNames());
    ShellLexer lexer = new ShellLexer(input.parsed().escapeToken());
    for (Stage stage : input.dockerfile().get().stages()) {
      Set<String> unmatched = new TreeSet<>();
      try {
        unmatched.addAll(lexer.process(stage.baseImage(), globals.values()).unmatched());
        if (stage.platform().isPresent()) {
          unmatched.addAll(lexer.process(stage.platform().get(), globals.values()).unmatched());
        }
      } catch (ShellExpansionException e) {
        continue; // the evaluation reports the malformed word
      }
      for (String name : unmatched) {
        if (known.contains(name)) continue;
        String message = "FROM argument '" + name + "' is not declared"
            + Suggest.closest(name, known, true).map(s -> " (did you mean " + s + "?)").orElse("");
        findings.report(INFO, input.node(stage.from()), message);
      }
    }
  }
}

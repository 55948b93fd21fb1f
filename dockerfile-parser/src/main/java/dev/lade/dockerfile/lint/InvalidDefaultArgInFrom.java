package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.ast.Stage;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.scope.AutomaticArgs;
import dev.lade.dockerfile.scope.BuildArgs;
import dev.lade.dockerfile.scope.GlobalScope;
import dev.lade.dockerfile.shell.ShellExpansionException;
import dev.lade.dockerfile.shell.ShellLexer;

/**
 * A FROM must name a valid image when no build argument is given, using the global ARGs'
 * defaults only: {@code ARG TAG} then {@code FROM busybox:${TAG}} gives {@code busybox:}, which
 * is not an image reference.
 */
public final class InvalidDefaultArgInFrom extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("InvalidDefaultArgInFrom", "invalid-default-arg-in-from",
      "Default value for global ARG results in an empty or invalid base image name");

  public InvalidDefaultArgInFrom() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    if (input.dockerfile().isEmpty()) return;
    Dockerfile df = input.dockerfile().get();
    ShellLexer lexer = new ShellLexer(input.parsed().escapeToken());
    GlobalScope defaults;
    try {
      defaults = GlobalScope.evaluate(df.metaArgs(), AutomaticArgs.of(df, input.options()), BuildArgs.none(), lexer);
    } catch (DockerfileParseException e) {
      return; // the build itself fails on this; the check gives up like BuildKit's
    }
    for (Stage stage : df.stages()) {
      String base;
      try {
        base = lexer.processWord(stage.baseImage(), defaults.values());
      } catch (ShellExpansionException e) {
        return;
      }
      if (!ImageReferenceSyntax.isValid(base)) {
        findings.report(INFO, input.node(stage.from()),
            "Default value for ARG " + stage.baseImage() + " results in empty or invalid base image name");
      }
    }
  }
}

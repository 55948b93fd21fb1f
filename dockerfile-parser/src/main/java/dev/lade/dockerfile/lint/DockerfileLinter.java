package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.parser.Directive;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.parser.ParseResult;
import dev.lade.dockerfile.parser.Parser;
import dev.lade.dockerfile.scope.DockerfileEvaluation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Checks a Dockerfile against BuildKit's build checks ({@code docker build --check}), without
 * building it: parses it, evaluates its stages with the given build arguments, and runs every
 * {@link LintRules rule} the file's {@code # check=} directive leaves on.
 *
 * <p>A Dockerfile that does not parse or evaluate gives a report with the error and the
 * warnings found before it.
 */
public final class DockerfileLinter {
  private DockerfileLinter() {}

  /** Checks the Dockerfile {@code source}. */
  public static LintReport lint(byte[] source, LintOptions options) {
    ParseResult parsed;
    CheckConfig config;
    try {
      parsed = Parser.parse(source);
      config = checkConfig(parsed);
    } catch (DockerfileParseException e) {
      return new LintReport(List.of(), options.failOnWarnings(), Optional.of(withColumn(e, source)));
    }
    config = config.withError(config.error() || options.failOnWarnings());
    Optional<DockerfileParseException> error = Optional.empty();
    Optional<Dockerfile> dockerfile = Optional.empty();
    Optional<DockerfileEvaluation> evaluation = Optional.empty();
    try {
      dockerfile = Optional.of(Dockerfile.from(parsed, source));
      evaluation = Optional.of(DockerfileEvaluation.evaluate(
          dockerfile.get(), parsed.escapeToken(), options.scope(), options.images()));
      error = evaluation.get().failure();
    } catch (DockerfileParseException e) {
      error = Optional.of(e);
    }
    LintInput input = new LintInput(parsed, dockerfile, evaluation, options.scope(),
        new String(source, StandardCharsets.UTF_8));
    Findings findings = new Findings(config);
    for (LintRule rule : LintRules.ALL) rule.check(input, findings);
    return new LintReport(findings.sorted(), config.error(), error.map(e -> withColumn(e, source)));
  }

  private static CheckConfig checkConfig(ParseResult parsed) {
    if (parsed.directives().check().isEmpty()) return CheckConfig.DEFAULT;
    try {
      return CheckConfig.parse(parsed.directives().check().get());
    } catch (IllegalArgumentException e) {
      int line = parsed.directives().entries().stream()
          .filter(d -> d.name().equals("check")).mapToInt(Directive::line).findFirst().orElse(0);
      throw new DockerfileParseException("failed to parse check options: " + e.getMessage(), line, 1);
    }
  }

  /** Evaluation errors know their line only; point at the instruction's first character. */
  private static DockerfileParseException withColumn(DockerfileParseException e, byte[] source) {
    if (e.column() > 0 || e.line() < 1) return e;
    String[] lines = new String(source, StandardCharsets.UTF_8).split("\n", -1);
    if (e.line() > lines.length) return e;
    String text = lines[e.line() - 1];
    int column = 1;
    while (column <= text.length() && Character.isWhitespace(text.charAt(column - 1))) column++;
    return new DockerfileParseException(e.source(), e.reason(), e.line(), column, e.getCause());
  }
}

package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.parser.ParseResult;
import dev.lade.dockerfile.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Evaluates Dockerfile text for tests: built on linux/amd64 for linux/arm64 unless told otherwise. */
final class ScopeFixture {
  static final Platform BUILD = Platform.parse("linux/amd64");
  static final Platform TARGET = Platform.parse("linux/arm64");

  private ScopeFixture() {}

  static DockerfileEvaluation evaluate(String dockerfile) {
    return evaluate(dockerfile, Map.of());
  }

  static DockerfileEvaluation evaluate(String dockerfile, Map<String, String> buildArgs) {
    byte[] bytes = dockerfile.getBytes(StandardCharsets.UTF_8);
    ParseResult parsed = Parser.parse(bytes);
    ScopeOptions options = new ScopeOptions(BuildArgs.of(buildArgs), BUILD, TARGET, Optional.empty());
    return DockerfileEvaluation.evaluate(
        Dockerfile.from(parsed, bytes), parsed.escapeToken(), options, BaseImageConfig.unknown());
  }

  /** The last stage's final environment. */
  static VariableScope finalEnv(String dockerfile, Map<String, String> buildArgs) {
    var stages = evaluate(dockerfile, buildArgs).stagesOrThrow();
    return stages.get(stages.size() - 1).end().env();
  }

  static VariableScope finalEnv(String dockerfile) {
    return finalEnv(dockerfile, Map.of());
  }
}

package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.parser.Node;
import dev.lade.dockerfile.parser.ParseResult;
import dev.lade.dockerfile.parser.ParseWarning;
import dev.lade.dockerfile.parser.Parser;
import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile as typed instructions grouped into stages: BuildKit's
 * {@code instructions.Parse} result.
 *
 * <p>Instructions before the first FROM may only be ARGs; they are the {@linkplain #metaArgs
 * meta arguments}, visible to every FROM line. Stage names are unique.
 *
 * @param metaArgs the ARG instructions before the first FROM
 * @param stages the build stages, in order; never empty
 * @param warnings what the parser accepted but noticed, e.g. empty continuation lines
 */
public record Dockerfile(List<Arg> metaArgs, List<Stage> stages, List<ParseWarning> warnings) {
  public Dockerfile {
    metaArgs = List.copyOf(metaArgs);
    stages = List.copyOf(stages);
    warnings = List.copyOf(warnings);
  }

  /**
   * Parses Dockerfile bytes into typed stages: {@link Parser#parse(byte[])}, then
   * {@link #from(ParseResult, byte[])}.
   *
   * @throws DockerfileParseException with line and column if the Dockerfile is malformed
   */
  public static Dockerfile parse(byte[] source) {
    return from(Parser.parse(source), source);
  }

  /**
   * Converts a parse result; {@code source} (the bytes it was parsed from) lets errors point at
   * the column of the offending text.
   *
   * @throws DockerfileParseException if an instruction is malformed
   */
  public static Dockerfile from(ParseResult result, byte[] source) {
    return DockerfileConverter.convert(result.root(), result.warnings(), SourceLines.of(source));
  }

  /**
   * Converts a parse result. Errors carry the instruction's line but no column.
   *
   * @throws DockerfileParseException if an instruction is malformed
   */
  public static Dockerfile from(ParseResult result) {
    return DockerfileConverter.convert(result.root(), result.warnings(), SourceLines.none());
  }

  /**
   * Converts a parsed syntax tree. Errors carry the instruction's line but no column.
   *
   * @throws DockerfileParseException if an instruction is malformed
   */
  public static Dockerfile from(Node root) {
    return DockerfileConverter.convert(root, List.of(), SourceLines.none());
  }

  /** The stage with this name (names are case-insensitive), if any. */
  public Optional<Stage> stage(String name) {
    return stages.stream()
        .filter(s -> s.name().filter(n -> n.equalsIgnoreCase(name)).isPresent())
        .findFirst();
  }

  /** The last stage: what is built when no target is given. */
  public Stage lastStage() {
    return stages.get(stages.size() - 1);
  }
}

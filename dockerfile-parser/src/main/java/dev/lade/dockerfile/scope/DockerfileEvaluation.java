package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Stage;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every stage of a Dockerfile evaluated in order, BuildKit-style: the global scope first, then
 * each stage from its base (an image, {@code scratch}, or the final state of an earlier stage it
 * names).
 *
 * <p>Evaluation stops at the first error, keeping what was evaluated before it, so a linter can
 * still look at the stages up to the error.
 *
 * @param globals the global scope
 * @param stages the evaluated stages, the last one possibly partial
 * @param failure the error evaluation stopped at, if any
 */
public record DockerfileEvaluation(
    GlobalScope globals, List<StageEvaluation> stages, Optional<DockerfileParseException> failure) {
  public DockerfileEvaluation {
    stages = List.copyOf(stages);
  }

  /**
   * Evaluates {@code dockerfile}.
   *
   * @param escape the Dockerfile's escape character ({@code ParseResult.escapeToken()})
   * @throws DockerfileParseException when a meta ARG cannot be evaluated (there is nothing to
   *     keep then); later errors are returned in {@link #failure}
   */
  public static DockerfileEvaluation evaluate(
      Dockerfile dockerfile, char escape, ScopeOptions options, BaseImageConfig images) {
    ShellLexer lexer = new ShellLexer(escape);
    VariableScope automatic = AutomaticArgs.of(dockerfile, options);
    GlobalScope globals = GlobalScope.evaluate(dockerfile.metaArgs(), automatic, options.buildArgs(), lexer);
    List<StageEvaluation> done = new ArrayList<>();
    Map<String, Integer> named = new HashMap<>();
    for (Stage stage : dockerfile.stages()) {
      FromEvaluation from;
      try {
        from = FromEvaluation.evaluate(stage.from(), globals, lexer);
      } catch (DockerfileParseException e) {
        return new DockerfileEvaluation(globals, done, Optional.of(e));
      }
      // like BuildKit, FROM matches an earlier stage by its (lower-case) name exactly; the last one wins
      Optional<Integer> base = Optional.ofNullable(named.get(from.base()));
      StageState start = base.map(i -> done.get(i).end())
          .orElseGet(() -> imageState(from, options, images));
      StageEvaluator evaluator = new StageEvaluator(start, globals, options.buildArgs(), lexer);
      List<EvaluatedInstruction> evaluated = new ArrayList<>();
      for (Instruction instruction : stage.instructions()) {
        try {
          evaluated.add(evaluator.evaluate(instruction));
        } catch (DockerfileParseException e) {
          done.add(new StageEvaluation(stage, from, base, evaluated, evaluator.state()));
          return new DockerfileEvaluation(globals, done, Optional.of(e));
        }
      }
      done.add(new StageEvaluation(stage, from, base, evaluated, evaluator.state()));
      stage.name().ifPresent(name -> named.put(name, done.size() - 1));
    }
    return new DockerfileEvaluation(globals, done, Optional.empty());
  }

  /** The evaluated stages, or the error evaluation stopped at. */
  public List<StageEvaluation> stagesOrThrow() {
    if (failure.isPresent()) throw failure.get();
    return stages;
  }

  private static StageState imageState(FromEvaluation from, ScopeOptions options, BaseImageConfig images) {
    Platform platform = from.platform().orElse(options.targetPlatform());
    List<String> env = from.base().equals("scratch")
        ? List.of()
        : images.env(from.base(), platform).orElse(List.of());
    return StageState.ofImage(env, platform.os());
  }
}

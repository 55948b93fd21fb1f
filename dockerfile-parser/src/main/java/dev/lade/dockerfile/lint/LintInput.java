package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.parser.Node;
import dev.lade.dockerfile.parser.ParseResult;
import dev.lade.dockerfile.scope.DockerfileEvaluation;
import dev.lade.dockerfile.scope.EvaluatedInstruction;
import dev.lade.dockerfile.scope.ScopeOptions;
import dev.lade.dockerfile.scope.StageEvaluation;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks look at, as far as the Dockerfile got: the raw syntax tree always; the typed
 * stages when the instructions are well-formed; the evaluated stages (expanded words, variables
 * in scope) up to the first evaluation error.
 */
public final class LintInput {
  private final ParseResult parsed;
  private final Optional<Dockerfile> dockerfile;
  private final Optional<DockerfileEvaluation> evaluation;
  private final ScopeOptions options;
  private final List<String> lines;
  private final Map<Integer, Node> nodesByLine = new HashMap<>();

  /**
   * @param parsed the raw parse
   * @param dockerfile the typed instructions, unless an instruction is malformed
   * @param evaluation the evaluated stages, unless the typed instructions are missing or a
   *     global ARG failed to evaluate
   * @param options the build arguments and platforms of the evaluation
   * @param source the Dockerfile's text
   */
  public LintInput(
      ParseResult parsed, Optional<Dockerfile> dockerfile, Optional<DockerfileEvaluation> evaluation,
      ScopeOptions options, String source) {
    this.parsed = parsed;
    this.lines = List.of(source.split("\n", -1));
    this.dockerfile = dockerfile;
    this.evaluation = evaluation;
    this.options = options;
    for (Node n : parsed.root().children()) nodesByLine.put(n.startLine(), n);
  }

  /** The raw parse. */
  public ParseResult parsed() {
    return parsed;
  }

  /** The typed instructions, unless an instruction is malformed. */
  public Optional<Dockerfile> dockerfile() {
    return dockerfile;
  }

  /** The evaluation, as far as it got. */
  public Optional<DockerfileEvaluation> evaluation() {
    return evaluation;
  }

  /** The build arguments and platforms of the evaluation. */
  public ScopeOptions options() {
    return options;
  }

  /** The instruction nodes, in order. */
  public List<Node> nodes() {
    return parsed.root().children();
  }

  /** The instruction nodes whose word is {@code keyword} in any case. */
  public List<Node> nodes(String keyword) {
    return nodes().stream().filter(n -> n.value().toUpperCase(Locale.ROOT).equals(keyword)).toList();
  }

  /** The node an instruction was converted from. */
  public Node node(Instruction instruction) {
    Node n = nodesByLine.get(instruction.location().startLine());
    if (n == null) {
      throw new IllegalArgumentException("no instruction at line " + instruction.location().startLine());
    }
    return n;
  }

  /** The physical line {@code number} (1-based) as written, or empty past the end. */
  public String line(int number) {
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }

  /** Every evaluated instruction of every evaluated stage, in order. */
  public List<EvaluatedInstruction> evaluated() {
    return stages().stream().flatMap(s -> s.instructions().stream()).toList();
  }

  /** The evaluated stages (fewer than the Dockerfile has when evaluation stopped at an error). */
  public List<StageEvaluation> stages() {
    return evaluation.map(DockerfileEvaluation::stages).orElse(List.of());
  }
}

package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.Stage;
import java.util.List;
import java.util.Optional;

/**
 * One stage after evaluation.
 *
 * @param stage the stage as written
 * @param from its FROM line expanded
 * @param baseStage the index of the earlier stage it builds on, when FROM names one
 * @param instructions its instructions, evaluated in order (fewer than the stage has when
 *     evaluation failed part-way)
 * @param end the state after the last evaluated instruction
 */
public record StageEvaluation(
    Stage stage, FromEvaluation from, Optional<Integer> baseStage, List<EvaluatedInstruction> instructions,
    StageState end) {
  public StageEvaluation {
    instructions = List.copyOf(instructions);
  }
}

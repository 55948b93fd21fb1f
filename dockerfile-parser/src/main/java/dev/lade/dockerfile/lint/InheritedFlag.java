package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.scope.EvaluatedInstruction;
import dev.lade.dockerfile.scope.StageEvaluation;
import java.util.HashMap;
import java.util.Map;

/**
 * A per-stage fact that a stage built on an earlier stage ({@code FROM builder}) inherits from
 * where that stage ended, e.g. "a SHELL was set" or "a WORKDIR was set".
 */
final class InheritedFlag {
  private InheritedFlag() {}

  /** One instruction's effect on the flag: the flag after it. */
  @FunctionalInterface
  interface Step {
    boolean apply(StageEvaluation stage, EvaluatedInstruction instruction, boolean flag);
  }

  /**
   * Walks every evaluated instruction with the flag as it stands there: false at the start of a
   * stage on an image, the base stage's final value at the start of a stage on a stage.
   */
  static void walk(LintInput input, Step step) {
    Map<Integer, Boolean> atEnd = new HashMap<>();
    for (StageEvaluation stage : input.stages()) {
      boolean flag = stage.baseStage().map(i -> atEnd.getOrDefault(i, false)).orElse(false);
      for (EvaluatedInstruction e : stage.instructions()) flag = step.apply(stage, e, flag);
      atEnd.put(stage.stage().index(), flag);
    }
  }
}

package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.scope.StageEvaluation;
import java.util.HashMap;
import java.util.Map;

/**
 * A per-stage fact that a stage built on an earlier stage ({@code FROM builder}) inherits from
 * where that stage ended, e.g. "a SHELL was set" or "an absolute WORKDIR was set".
 */
final class InheritedFlag {
  private final Map<Integer, Boolean> atEnd = new HashMap<>();

  /** The value {@code stage} starts with: its base stage's final value, else false. */
  boolean atStart(StageEvaluation stage) {
    return stage.baseStage().map(i -> atEnd.getOrDefault(i, false)).orElse(false);
  }

  void atEnd(StageEvaluation stage, boolean value) {
    atEnd.put(stage.stage().index(), value);
  }
}

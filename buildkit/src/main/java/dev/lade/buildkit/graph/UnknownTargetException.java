package dev.lade.buildkit.graph;

import dev.lade.dockerfile.ast.Suggest;
import java.util.List;

/**
 * {@code --target} names no stage of the Dockerfile. The message is BuildKit's, with its "did you
 * mean" hint when a stage's name is close.
 */
public final class UnknownTargetException extends IllegalArgumentException {
  private final String target;

  /** @param stageNames the names the Dockerfile's stages have, in order */
  public UnknownTargetException(String target, List<String> stageNames) {
    super(Suggest.closest(target, stageNames, true)
        .map(m -> message(target) + " (did you mean " + m + "?)")
        .orElse(message(target)));
    this.target = target;
  }

  /** The stage that was asked for. */
  public String target() {
    return target;
  }

  private static String message(String target) {
    return "target stage \"" + target + "\" could not be found";
  }
}

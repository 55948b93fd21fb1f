package dev.lade.buildkit.build;

import dev.lade.dockerfile.scope.StageState;
import java.util.ArrayList;
import java.util.List;

/**
 * The history entry BuildKit writes for RUN ({@code runCommandString}): the stage's build
 * arguments as {@code |N K=V...} when it has any, then the arguments, then {@code # buildkit}.
 */
final class RunHistory {
  private RunHistory() {}

  static String of(List<String> args, StageState variables) {
    List<String> parts = new ArrayList<>();
    for (String name : variables.declaredArgs()) {
      parts.add(name + "=" + variables.env().get(name).orElse(""));
    }
    if (!parts.isEmpty()) parts.add(0, "|" + parts.size());
    parts.addAll(args);
    return "RUN " + String.join(" ", parts) + " # buildkit";
  }
}

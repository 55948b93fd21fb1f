package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Cmd;
import dev.lade.dockerfile.ast.Entrypoint;
import dev.lade.dockerfile.ast.Healthcheck;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Stage;
import dev.lade.dockerfile.parser.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * Only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage count, so an earlier one warns (at the
 * earlier one, which is the one ignored).
 */
public final class MultipleInstructionsDisallowed extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("MultipleInstructionsDisallowed", "multiple-instructions-disallowed",
      "Multiple instructions of the same type should not be used in the same stage");

  public MultipleInstructionsDisallowed() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    if (input.dockerfile().isEmpty()) return;
    for (Stage stage : input.dockerfile().get().stages()) {
      Map<Class<?>, Instruction> last = new HashMap<>();
      for (Instruction i : stage.instructions()) {
        if (!(i instanceof Cmd || i instanceof Entrypoint || i instanceof Healthcheck)) continue;
        Instruction previous = last.put(i.getClass(), i);
        if (previous != null) {
          Node current = input.node(i);
          findings.report(INFO, input.node(previous), "Multiple " + current.value()
              + " instructions should not be used in the same stage because only the last one will be used");
        }
      }
    }
  }
}

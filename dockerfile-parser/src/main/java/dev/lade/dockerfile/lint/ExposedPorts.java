package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.ast.Expose;
import dev.lade.dockerfile.parser.Node;
import dev.lade.dockerfile.scope.EvaluatedInstruction;
import java.util.function.BiConsumer;

/** The expanded EXPOSE ports of the evaluated stages that BuildKit gets far enough to check. */
final class ExposedPorts {
  private ExposedPorts() {}

  static void each(LintInput input, BiConsumer<PortSpec, Node> action) {
    for (EvaluatedInstruction e : input.evaluated()) {
      if (!(e.expanded() instanceof Expose expose)) continue;
      Node node = input.node(e.instruction());
      for (String port : expose.ports()) {
        PortSpec spec = PortSpec.parse(port);
        if (spec.checkable()) action.accept(spec, node);
      }
    }
  }
}

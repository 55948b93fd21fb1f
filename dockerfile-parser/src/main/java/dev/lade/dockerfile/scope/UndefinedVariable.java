package dev.lade.dockerfile.scope;

import java.util.List;

/**
 * A variable an instruction used that was neither set nor declared with ARG: what BuildKit's
 * UndefinedVar check reports.
 *
 * @param name the variable's name, e.g. {@code PAHT}
 * @param inScope the names that were set at that point, in order, to suggest a near miss from
 */
public record UndefinedVariable(String name, List<String> inScope) {
  public UndefinedVariable {
    inScope = List.copyOf(inScope);
  }
}

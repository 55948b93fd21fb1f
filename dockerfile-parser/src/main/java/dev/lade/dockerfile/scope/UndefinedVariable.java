package dev.lade.dockerfile.scope;

import java.util.Set;

/**
 * A variable an instruction used that was neither set nor declared with ARG: what BuildKit's
 * UndefinedVar check reports.
 *
 * @param name the variable's name, e.g. {@code PAHT}
 * @param scope the variables that were set at that point (shared with the stage's state, not a
 *     copy, so that a warning per instruction stays cheap)
 */
public record UndefinedVariable(String name, VariableScope scope) {
  /** The names that were set at that point, in order, to suggest a near miss from. */
  public Set<String> inScope() {
    return scope.names();
  }
}

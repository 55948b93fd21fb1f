package dev.lade.dockerfile.ast;

import java.util.List;

/**
 * {@code ENV k=v [k=v]...}, or the legacy {@code ENV k v} form.
 *
 * @param variables the pairs in order, unexpanded
 * @param legacyForm written as {@code ENV key value} (no {@code =})
 */
public record Env(List<KeyValue> variables, boolean legacyForm, SourceLocation location, String original)
    implements Instruction {
  public Env {
    variables = List.copyOf(variables);
  }
}

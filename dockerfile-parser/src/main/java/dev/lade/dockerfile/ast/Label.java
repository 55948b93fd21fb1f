package dev.lade.dockerfile.ast;

import java.util.List;

/**
 * {@code LABEL k=v [k=v]...}, or the legacy {@code LABEL k v} form.
 *
 * @param labels the pairs in order, unexpanded
 * @param legacyForm written as {@code LABEL key value} (no {@code =})
 */
public record Label(List<KeyValue> labels, boolean legacyForm, SourceLocation location, String original)
    implements Instruction {
  public Label {
    labels = List.copyOf(labels);
  }
}

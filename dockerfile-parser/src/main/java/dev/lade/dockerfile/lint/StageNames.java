package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.parser.Node;
import java.util.Locale;
import java.util.Optional;

/** The stage name of a FROM node as BuildKit keeps it: lower-cased, from {@code FROM image AS name}. */
final class StageNames {
  private StageNames() {}

  static Optional<String> of(Node from) {
    if (from.args().size() != 3 || !from.args().get(1).value().equalsIgnoreCase("AS")) return Optional.empty();
    return Optional.of(from.args().get(2).value().toLowerCase(Locale.ROOT));
  }
}

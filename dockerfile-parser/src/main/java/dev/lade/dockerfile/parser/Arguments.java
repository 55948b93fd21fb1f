package dev.lade.dockerfile.parser;

import java.util.List;

/**
 * An instruction's parsed arguments.
 *
 * @param nodes the argument nodes, in order
 * @param json whether they came from a JSON array
 */
record Arguments(List<Node> nodes, boolean json) {
  static final Arguments NONE = new Arguments(List.of(), false);

  Arguments {
    nodes = List.copyOf(nodes);
  }

  static Arguments of(List<String> values) {
    return new Arguments(values.stream().map(Node::arg).toList(), false);
  }

  static Arguments json(List<String> values) {
    return new Arguments(values.stream().map(Node::arg).toList(), true);
  }
}

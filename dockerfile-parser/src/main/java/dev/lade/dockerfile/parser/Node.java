package dev.lade.dockerfile.parser;

import java.util.List;

/**
 * One node of the raw Dockerfile syntax tree, the equivalent of BuildKit's {@code parser.Node}.
 *
 * <p>The root node has no value and one child per instruction. An instruction node has the
 * instruction word as written (case kept) as its {@link #value}, its {@code --flags} as written,
 * and its arguments in {@link #args} (BuildKit's {@code Next} chain). Argument nodes carry only a
 * value, except ONBUILD's single argument, whose {@link #children} hold the nested instruction.
 *
 * @param value the instruction word, or an argument's text
 * @param flags the instruction's flags as extracted, e.g. {@code --from=builder} (quotes removed)
 * @param args the argument nodes, in order
 * @param children the root's instructions, or ONBUILD's nested instruction
 * @param heredocs heredoc bodies attached to a RUN, COPY or ADD instruction, in order (for
 *     {@code ONBUILD RUN <<EOF}, to the ONBUILD node, as BuildKit does)
 * @param json whether the arguments came from a JSON array (exec form)
 * @param original the logical line as joined from its physical lines, continuations removed
 * @param startLine first physical line (1-based) of this instruction; ONBUILD's nested
 *     instruction has its parent's lines; argument nodes have 0
 * @param endLine last physical line consumed, including continuations and heredoc bodies
 * @param comments comment lines directly before this instruction, without the leading {@code #}
 *     (BuildKit drops a line's first character, so an indented comment keeps its {@code #}); an
 *     empty comment line forgets the ones before it
 */
public record Node(
    String value,
    List<String> flags,
    List<Node> args,
    List<Node> children,
    List<Heredoc> heredocs,
    boolean json,
    String original,
    int startLine,
    int endLine,
    List<String> comments) {

  public Node {
    flags = List.copyOf(flags);
    args = List.copyOf(args);
    children = List.copyOf(children);
    heredocs = List.copyOf(heredocs);
    comments = List.copyOf(comments);
  }

  /** An argument node holding just a value. */
  public static Node arg(String value) {
    return new Node(value, List.of(), List.of(), List.of(), List.of(), false, "", 0, 0, List.of());
  }

  /** The argument values, in order. */
  public List<String> argValues() {
    return args.stream().map(Node::value).toList();
  }
}

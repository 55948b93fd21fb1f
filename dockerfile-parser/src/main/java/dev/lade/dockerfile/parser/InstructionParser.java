package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.List;

/**
 * Turns one logical line into an instruction node, as BuildKit's {@code newNodeFromLine}: the
 * trimmed line splits at its first whitespace run into the instruction name (case kept) and the
 * rest; leading {@code --flags} come off the rest; the instruction's argument parser reads what
 * remains.
 */
final class InstructionParser {
  /**
   * How deep ONBUILD may nest in the raw tree. BuildKit's parser has no limit (Go stacks grow), but
   * here each level recurses and copies the rest of the line, so an unbounded chain would overflow
   * the stack or need quadratic memory. Any chain is rejected later anyway, with this message.
   */
  static final int MAX_ONBUILD_NESTING = 16;
  static final String CHAINED_ONBUILD = "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed";

  private InstructionParser() {}

  /**
   * The instruction node, without line numbers or heredocs.
   *
   * @param line the logical line; kept as the node's original text
   * @param comments the comments before the instruction
   * @throws ParseFailure for arguments BuildKit's parser rejects
   */
  static Node parse(String line, List<String> comments, char escape) {
    return parse(line, comments, escape, 0);
  }

  /** As {@link #parse(String, List, char)}, for an instruction nested {@code depth} ONBUILDs deep. */
  static Node parse(String line, List<String> comments, char escape, int depth) {
    if (depth > MAX_ONBUILD_NESTING) throw new ParseFailure(CHAINED_ONBUILD);
    String trimmed = GoUnicode.trimSpace(line);
    int blank = GoUnicode.indexOfBlank(trimmed, 0);
    String name = blank < 0 ? trimmed : trimmed.substring(0, blank);
    List<String> flags = List.of();
    String rest = "";
    if (blank >= 0) {
      FlagExtractor.Result extracted = FlagExtractor.extract(trimmed.substring(GoUnicode.skipBlanks(trimmed, blank)));
      flags = extracted.flags();
      rest = GoUnicode.trimSpace(extracted.rest());
    }
    Arguments args = ArgumentParsers.parse(name, rest, escape, depth);
    return new Node(name, flags, args.nodes(), List.of(), List.of(), args.json(), line, 0, 0, comments);
  }
}

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
  private InstructionParser() {}

  /**
   * The instruction node, without line numbers or heredocs.
   *
   * @param line the logical line; kept as the node's original text
   * @param comments the comments before the instruction
   * @throws ParseFailure for arguments BuildKit's parser rejects
   */
  static Node parse(String line, List<String> comments, char escape) {
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
    Arguments args = ArgumentParsers.parse(name, rest, escape);
    return new Node(name, flags, args.nodes(), List.of(), List.of(), args.json(), line, 0, 0, comments);
  }
}

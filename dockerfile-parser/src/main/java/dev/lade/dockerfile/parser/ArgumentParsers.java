package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** BuildKit's per-instruction argument parsers ({@code line_parsers.go}), one per {@link ArgumentSyntax}. */
final class ArgumentParsers {
  private ArgumentParsers() {}

  /**
   * Parses the arguments (flags already removed, trimmed) of an instruction.
   *
   * @param instruction the instruction name as written
   * @param depth how many ONBUILDs the instruction is nested in
   * @throws ParseFailure for arguments BuildKit's parser rejects
   */
  static Arguments parse(String instruction, String rest, char escape, int depth) {
    return switch (ArgumentSyntax.of(instruction)) {
      case WHITESPACE_LIST -> whitespaceList(rest);
      case JSON_OR_LIST -> JsonArgs.parse(rest).map(Arguments::json).orElseGet(() -> whitespaceList(rest));
      case JSON_OR_STRING -> jsonOrString(rest);
      case STRING -> rest.isEmpty() ? Arguments.NONE : Arguments.of(List.of(rest));
      case WORDS -> Arguments.of(WordSplitter.split(rest, escape));
      case NAME_VALUE -> NameValueArgs.parse(rest, GoUnicode.toLower(instruction).equals("env") ? "ENV" : "LABEL", escape);
      case HEALTHCHECK -> healthcheck(rest);
      case SUB_INSTRUCTION -> subInstruction(rest, escape, depth);
      case IGNORE -> Arguments.of(List.of(""));
    };
  }

  /** Go's {@code regexp.Split(rest, -1)} on {@code [\t\v\f\r ]+}; nothing for empty text. */
  static Arguments whitespaceList(String rest) {
    if (rest.isEmpty()) return Arguments.NONE;
    List<String> tokens = new ArrayList<>();
    int start = 0;
    int blank;
    while ((blank = GoUnicode.indexOfBlank(rest, start)) >= 0) {
      tokens.add(rest.substring(start, blank));
      start = GoUnicode.skipBlanks(rest, blank);
    }
    tokens.add(rest.substring(start));
    return Arguments.of(tokens);
  }

  private static Arguments jsonOrString(String rest) {
    if (rest.isEmpty()) return Arguments.NONE;
    Optional<List<String>> json = JsonArgs.parse(rest);
    return json.map(Arguments::json).orElseGet(() -> Arguments.of(List.of(rest)));
  }

  /** The type word ({@code CMD}, {@code NONE}, ...) then JSON-or-string; split like flags (see {@link FlagExtractor}). */
  private static Arguments healthcheck(String rest) {
    int sep = 0;
    while (sep < rest.length() && !GoUnicode.isLatin1Space(rest.charAt(sep))) sep++;
    if (sep == 0) return Arguments.NONE;
    int next = sep;
    while (next < rest.length() && GoUnicode.isLatin1Space(rest.charAt(next))) next++;
    Arguments command = jsonOrString(rest.substring(next));
    List<Node> nodes = new ArrayList<>();
    nodes.add(Node.arg(rest.substring(0, sep)));
    nodes.addAll(command.nodes());
    return new Arguments(nodes, command.json());
  }

  private static Arguments subInstruction(String rest, char escape, int depth) {
    if (rest.isEmpty()) return Arguments.NONE;
    Node child = InstructionParser.parse(rest, List.of(), escape, depth + 1);
    Node holder = new Node("", List.of(), List.of(), List.of(child), List.of(), false, "", 0, 0, List.of());
    return new Arguments(List.of(holder), false);
  }
}

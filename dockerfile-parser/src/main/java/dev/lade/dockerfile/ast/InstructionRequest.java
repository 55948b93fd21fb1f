package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoUnicode;
import dev.lade.dockerfile.parser.Heredoc;
import dev.lade.dockerfile.parser.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * One instruction node, flattened as BuildKit's {@code parseRequest}: the instruction word, the
 * argument values (ONBUILD's nested instruction inlined), flags, heredocs and where it is.
 */
record InstructionRequest(
    String keyword, List<String> args, List<String> flags, List<Heredoc> heredocs, boolean json,
    String original, SourceLocation location, Node node) {

  static InstructionRequest of(Node node) {
    return new InstructionRequest(node.value(), flatArgs(node), node.flags(), node.heredocs(),
        node.json(), node.original(), new SourceLocation(node.startLine(), node.endLine()), node);
  }

  /** BuildKit's {@code nodeArgs}: an argument with a child contributes the child's word and args. */
  private static List<String> flatArgs(Node node) {
    List<String> out = new ArrayList<>();
    for (Node arg : node.args()) {
      if (arg.children().isEmpty()) {
        out.add(arg.value());
      } else if (arg.children().size() == 1) {
        Node sub = arg.children().get(0);
        out.add(sub.value());
        out.addAll(flatArgs(sub));
      }
    }
    return out;
  }

  /** The trimmed original line, as BuildKit keeps it for each command. */
  String code() {
    return GoUnicode.trimSpace(original);
  }

  /** The flags parsed against {@code spec}. */
  ParsedFlags parseFlags(FlagSpec spec) {
    return spec.parse(flags);
  }

  /** Parses the flags of an instruction that takes none, so any flag is an error. */
  void noFlags() {
    new FlagSpec().parse(flags);
  }

  /** BuildKit's {@code handleJSONArgs} as a typed command line. */
  CommandLine commandLine() {
    return json ? new CommandLine.ExecForm(args) : new CommandLine.ShellForm(String.join(" ", args));
  }
}

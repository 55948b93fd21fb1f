package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoUnicode;
import dev.lade.dockerfile.parser.Heredoc;
import dev.lade.dockerfile.parser.Node;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code ONBUILD INSTRUCTION}: the trigger is parsed and checked as a normal instruction. */
final class OnbuildParser {
  /** Go's {@code (?i)^\s*ONBUILD\s*}; Go's {@code \s} is ASCII white space only. */
  private static final Pattern PREFIX = Pattern.compile("^[\\t\\n\\f\\r ]*(?i:ONBUILD)[\\t\\n\\f\\r ]*");

  private OnbuildParser() {}

  static Onbuild onbuild(InstructionRequest req) {
    if (req.args().isEmpty()) throw InvalidInstructionException.atLeastOneArgument("ONBUILD");
    req.noFlags();
    String trigger = GoUnicode.trimSpace(req.args().get(0)).toUpperCase(Locale.ROOT);
    switch (trigger) {
      case "ONBUILD" -> throw new InvalidInstructionException(
          "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", req.args().get(0));
      case "MAINTAINER", "FROM" -> throw new InvalidInstructionException(
          trigger + " isn't allowed as an ONBUILD trigger", req.args().get(0));
      default -> { }
    }
    String line = PREFIX.matcher(req.original()).replaceFirst("");
    StringBuilder expression = new StringBuilder(line);
    for (Heredoc h : req.heredocs()) expression.append('\n').append(h.content()).append(h.name());
    Instruction nested = InstructionParser.parse(nestedRequest(req, line));
    return new Onbuild(nested, expression.toString(), req.location(), req.code());
  }

  /**
   * The trigger's own node, located at the ONBUILD line. The parser attaches heredoc bodies to
   * the ONBUILD node, so the trigger inherits them.
   */
  private static InstructionRequest nestedRequest(InstructionRequest req, String line) {
    Node sub = req.node().args().get(0).children().get(0);
    Node located = new Node(sub.value(), sub.flags(), sub.args(), sub.children(),
        sub.heredocs().isEmpty() ? req.heredocs() : sub.heredocs(), sub.json(), line,
        req.location().startLine(), req.location().endLine(), sub.comments());
    return InstructionRequest.of(located);
  }
}

package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.RawText;
import dev.lade.dockerfile.text.GoUnicode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw Dockerfile parser, BuildKit's {@code frontend/dockerfile/parser}: bytes to a tree of
 * instruction nodes, with directives, continuation lines, flags, per-instruction argument syntax
 * and heredocs handled exactly as BuildKit does (see the package's notes on the few deliberate
 * differences in {@link FlagExtractor} and {@link RawText}).
 *
 * <p>Errors are {@link DockerfileParseException}s with a 1-based line and the column where the
 * offending line or instruction starts. A line over 64 KiB fails at once, even when BuildKit would
 * first report a different problem. So does ONBUILD nested more than 16 deep, which BuildKit's
 * parser accepts but its instruction layer rejects.
 */
public final class Parser {
  private static final String EMPTY_CONTINUATION = "Empty continuation line found in: ";

  private final LineReader lines;
  private final DirectiveParser directiveParser = new DirectiveParser();
  private final HeredocReader heredocReader;
  private final List<Node> instructions = new ArrayList<>();
  private final List<ParseWarning> warnings = new ArrayList<>();
  private List<String> comments = new ArrayList<>();

  private Parser(InputStream in) {
    this.lines = new LineReader(in);
    this.heredocReader = new HeredocReader(lines);
  }

  /** Parses a whole Dockerfile. */
  public static ParseResult parse(byte[] dockerfile) {
    return parse(new ByteArrayInputStream(dockerfile));
  }

  /** Parses a Dockerfile read from {@code in} (not closed). */
  public static ParseResult parse(InputStream in) {
    return new Parser(in).run();
  }

  private ParseResult run() {
    String raw;
    while ((raw = lines.next()) != null) {
      readInstructionAt(raw, lines.lineNumber());
    }
    if (instructions.isEmpty()) {
      throw new DockerfileParseException("file with no instructions", lines.lineNumber(), 0);
    }
    int start = instructions.get(0).startLine();
    int end = instructions.get(instructions.size() - 1).endLine();
    Node root = new Node("", List.of(), List.of(), instructions, List.of(), false, "", start, end, List.of());
    return new ParseResult(root, warnings, directiveParser.directives());
  }

  /** Handles one top-level physical line: a comment, directive, blank, or the start of an instruction. */
  private void readInstructionAt(String raw, int startLine) {
    String line = Lines.trimNewline(raw);
    int indent = Lines.leadingSpace(line);
    int column = line.codePointCount(0, indent) + 1;
    boolean comment = Lines.isComment(raw);
    if (comment) collectComment(line.substring(1));
    String token = line.substring(indent);
    try {
      if (directiveParser.parseLine(token, startLine).isPresent()) comments.remove(comments.size() - 1);
    } catch (ParseFailure e) {
      throw e.at(startLine, column);
    }
    char escape = directiveParser.escapeToken();
    LogicalLine logical = new ContinuationJoiner(lines, escape).join(comment ? "" : token);
    if (logical == null) return;
    if (logical.hasEmptyContinuation()) {
      warnings.add(new ParseWarning(EMPTY_CONTINUATION + logical.text(), startLine, logical.endLine()));
    }
    try {
      Node instruction = InstructionParser.parse(logical.text(), comments, escape);
      List<Heredoc> heredocs = HeredocDetector.canContainHeredoc(instruction)
          ? heredocReader.readBodies(HeredocDetector.detect(logical.text()))
          : List.of();
      instructions.add(located(instruction, heredocs, startLine, lines.lineNumber()));
    } catch (ParseFailure e) {
      throw e.at(startLine, column);
    }
    comments = new ArrayList<>();
  }

  /**
   * BuildKit keeps the text after the line's first character, trimmed (so an indented comment keeps
   * its {@code #}); an empty comment line forgets the comments before it.
   */
  private void collectComment(String afterFirstChar) {
    String text = GoUnicode.trimSpace(afterFirstChar);
    if (text.isEmpty()) comments.clear();
    else comments.add(text);
  }

  /** The node with its lines and heredocs; ONBUILD's nested instruction gets the same lines. */
  private static Node located(Node n, List<Heredoc> heredocs, int start, int end) {
    List<Node> args = n.args().stream()
        .map(a -> a.children().isEmpty() ? a : new Node(a.value(), a.flags(), a.args(),
            a.children().stream().map(c -> located(c, List.of(), start, end)).toList(),
            a.heredocs(), a.json(), a.original(), a.startLine(), a.endLine(), a.comments()))
        .toList();
    return new Node(n.value(), n.flags(), args, n.children(), heredocs, n.json(), n.original(), start, end, n.comments());
  }
}

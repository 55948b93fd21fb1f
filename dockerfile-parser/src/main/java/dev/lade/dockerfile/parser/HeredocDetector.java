package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.shell.Env;
import dev.lade.dockerfile.shell.ShellExpansionException;
import dev.lade.dockerfile.shell.ShellLexer;
import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the heredocs an instruction line opens, as BuildKit: the line is split into shell words
 * (quotes and escapes kept raw; a line that does not lex opens none) and every word of the form
 * {@code [digits]<<[-][whitespace]NAME} opens one, in order.
 */
final class HeredocDetector {
  private static final ShellLexer HEREDOC_LEXER = new ShellLexer('\\').withSkipUnsetEnv(true);
  private static final Env NO_VARIABLES = Env.of(Map.of());

  private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("run", "copy", "add");

  private HeredocDetector() {}

  /** Whether BuildKit reads heredocs for this instruction: RUN, COPY or ADD (also under ONBUILD), not in exec form. */
  static boolean canContainHeredoc(Node instruction) {
    Node n = instruction;
    if (GoUnicode.toLower(n.value()).equals("onbuild") && !n.args().isEmpty() && !n.args().get(0).children().isEmpty()) {
      n = n.args().get(0).children().get(0);
    }
    return HEREDOC_INSTRUCTIONS.contains(GoUnicode.toLower(n.value())) && !n.json();
  }

  /**
   * The heredocs opened on {@code line}, without their bodies.
   *
   * @throws ParseFailure when a heredoc word's name does not lex
   */
  static List<Heredoc> detect(String line) {
    if (!line.contains("<<")) return List.of();
    List<String> words;
    try {
      words = split(line, true, true);
    } catch (ShellExpansionException e) {
      return List.of();
    }
    List<Heredoc> heredocs = new ArrayList<>();
    for (String word : words) {
      Heredoc h = parseWord(word);
      if (h != null) heredocs.add(h);
    }
    return heredocs;
  }

  /** BuildKit's {@code ParseHeredoc}: the heredoc a word opens, or null. */
  static Heredoc parseWord(String word) {
    int i = 0;
    while (i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9') i++;
    String digits = word.substring(0, i);
    if (!word.startsWith("<<", i)) return null;
    i += 2;
    boolean chomp = i < word.length() && word.charAt(i) == '-';
    if (chomp) i++;
    while (i < word.length() && " \t\n\f\r".indexOf(word.charAt(i)) >= 0) i++;
    String rest = word.substring(i);
    if (rest.isEmpty() || rest.indexOf('<') >= 0) return null;

    List<String> plain = lex(rest, false);
    if (plain.size() != 1) return null;
    List<String> raw = lex(rest, true);
    if (raw.size() != plain.size()) {
      throw new ParseFailure("internal lexing of heredoc produced inconsistent results: " + rest);
    }
    String name = plain.get(0);
    boolean expand = quoteCount(name) == quoteCount(raw.get(0));
    return new Heredoc(name, "", expand, chomp, fileDescriptor(digits));
  }

  private static List<String> lex(String rest, boolean rawQuotes) {
    try {
      return split(rest, rawQuotes, false);
    } catch (ShellExpansionException e) {
      throw new ParseFailure(e.getMessage());
    }
  }

  /**
   * BuildKit's heredoc word splitting: its shell lexer with escape {@code \} (whatever the
   * Dockerfile's escape directive), no variables set, and unset ones kept as written.
   */
  private static List<String> split(String src, boolean rawQuotes, boolean rawEscapes) {
    return HEREDOC_LEXER.withRawQuotes(rawQuotes).withRawEscapes(rawEscapes).processWords(src, NO_VARIABLES);
  }

  private static int quoteCount(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\'' || s.charAt(i) == '"') n++;
    }
    return n;
  }

  /** The digits before {@code <<}; 0 when absent, the largest int when too large (Go saturates too). */
  private static int fileDescriptor(String digits) {
    long fd = 0;
    for (int i = 0; i < digits.length(); i++) {
      fd = Math.min(fd * 10 + (digits.charAt(i) - '0'), Integer.MAX_VALUE);
    }
    return (int) fd;
  }
}

package dev.lade.dockerfile.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an argument that names a heredoc, e.g. {@code <<EOF}, {@code <<-"EOF"},
 * {@code 3<<EOF}: BuildKit's {@code parser.ParseHeredoc}.
 */
final class HeredocWord {
  private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");

  private HeredocWord() {}

  /** The heredoc's name (quotes removed) if {@code word} is a heredoc marker. */
  static Optional<String> name(String word) {
    Matcher m = HEREDOC.matcher(word);
    if (!m.matches() || m.group(3).isEmpty()) return Optional.empty();
    List<String> words = shellWords(m.group(3));
    return words.size() == 1 ? Optional.of(words.get(0)) : Optional.empty();
  }

  /** Splits on unquoted white space and removes quotes and escapes, as the shell lexer does. */
  private static List<String> shellWords(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
        continue;
      }
      inWord = true;
      if (c == '\\') {
        if (i + 1 < s.length()) word.append(s.charAt(++i));
      } else if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) return List.of();
        word.append(s, i + 1, end);
        i = end;
      } else if (c == '"') {
        i = doubleQuoted(s, i + 1, word);
        if (i < 0) return List.of();
      } else {
        word.append(c);
      }
    }
    if (inWord) words.add(word.toString());
    return words;
  }

  /** Reads up to the closing quote; returns its index, or -1 when it is missing. */
  private static int doubleQuoted(String s, int start, StringBuilder word) {
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') return i;
      if (c == '\\' && i + 1 < s.length() && "\"$\\".indexOf(s.charAt(i + 1)) >= 0) c = s.charAt(++i);
      word.append(c);
    }
    return -1;
  }
}

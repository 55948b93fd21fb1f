package dev.lade.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads heredoc bodies: for each heredoc in order, the raw lines up to one that equals its name
 * (newline removed, and leading tabs too for {@code <<-}).
 */
final class HeredocReader {
  static final String UNTERMINATED = "unterminated heredoc";

  private final LineReader lines;

  HeredocReader(LineReader lines) {
    this.lines = lines;
  }

  /**
   * The heredocs with their bodies; for {@code <<-} the body's leading tabs are stripped.
   *
   * @throws ParseFailure when input ends before a terminator
   */
  List<Heredoc> readBodies(List<Heredoc> opened) {
    List<Heredoc> read = new ArrayList<>(opened.size());
    for (Heredoc h : opened) {
      StringBuilder body = new StringBuilder();
      boolean terminated = false;
      String raw;
      while ((raw = lines.next()) != null) {
        String candidate = Lines.trimNewline(raw);
        if (h.chomp()) candidate = trimLeadingTabs(candidate);
        if (candidate.equals(h.name())) {
          terminated = true;
          break;
        }
        body.append(raw);
      }
      if (!terminated) throw new ParseFailure(UNTERMINATED);
      String content = h.chomp() ? chomp(body) : body.toString();
      read.add(new Heredoc(h.name(), content, h.expand(), h.chomp(), h.fileDescriptor()));
    }
    return read;
  }

  private static String trimLeadingTabs(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\t') i++;
    return s.substring(i);
  }

  /** BuildKit's {@code ChompHeredocContent}: removes the tabs at the start of every line. */
  static String chomp(CharSequence body) {
    StringBuilder sb = new StringBuilder(body.length());
    boolean lineStart = true;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (lineStart && c == '\t') continue;
      lineStart = c == '\n';
      sb.append(c);
    }
    return sb.toString();
  }
}

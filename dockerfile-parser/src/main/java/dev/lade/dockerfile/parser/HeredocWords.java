package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of BuildKit's shell lexer ({@code shell.Lex.ProcessWords}) that heredoc detection uses:
 * escape character {@code \} (always, whatever the Dockerfile's escape directive), no variables set
 * and unset ones kept as written ({@code SkipUnsetEnv}), optionally keeping quotes and escapes raw.
 *
 * <p>Words split on unquoted Unicode whitespace, except that whitespace after a word ending in
 * {@code <<} is skipped so that {@code << EOF} stays one word (BuildKit 0.22+ accepts whitespace
 * before a heredoc name; {@code <<- EOF} is not joined). Variable references are copied back in
 * their written form, so only their syntax matters: a malformed {@code ${...}} is an error.
 *
 * <p>One known difference: BuildKit shares one word buffer between nested {@code ${...}} scans,
 * which drops the text before such a reference from the current word; this reader does not.
 */
final class HeredocWords {
  private static final int EOF = -1;
  private static final int ESCAPE = '\\';

  /** A lexing error, with BuildKit's message. */
  static final class LexError extends Exception {
    LexError(String message) {
      super(message, null, false, false);
    }
  }

  private final String src;
  private final boolean rawQuotes;
  private boolean rawEscapes;
  private int pos;

  private HeredocWords(String src, boolean rawQuotes, boolean rawEscapes) {
    this.src = src;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
  }

  /** Splits {@code src} into words. */
  static List<String> split(String src, boolean rawQuotes, boolean rawEscapes) throws LexError {
    return new HeredocWords(src, rawQuotes, rawEscapes).processStopOn(EOF, rawEscapes).words();
  }

  private record Processed(String result, List<String> words) {}

  private Processed processStopOn(int stopChar, boolean raw) throws LexError {
    boolean saved = rawEscapes;
    rawEscapes = raw;
    try {
      StringBuilder result = new StringBuilder();
      Words words = new Words();
      while (peek() != EOF) {
        int ch = peek();
        if (stopChar != EOF && ch == stopChar) {
          next();
          return new Processed(result.toString(), words.finish());
        }
        if (ch == '$' || ch == '\'' || ch == '"') {
          String tmp = ch == '$' ? processDollar() : ch == '\'' ? processSingleQuote() : processDoubleQuote();
          result.append(tmp);
          if (ch == '$') words.addString(tmp);
          else words.addRaw(tmp);
          continue;
        }
        ch = next();
        if (ch == ESCAPE) {
          if (rawEscapes) {
            words.addRaw(ch);
            result.appendCodePoint(ch);
          }
          ch = next();
          if (ch == EOF) break;
          words.addRaw(ch);
        } else {
          words.addChar(ch);
        }
        result.appendCodePoint(ch);
      }
      if (stopChar != EOF) {
        throw new LexError("unexpected end of statement while looking for matching " + Character.toString(stopChar));
      }
      return new Processed(result.toString(), words.finish());
    } finally {
      rawEscapes = saved;
    }
  }

  private String processSingleQuote() throws LexError {
    StringBuilder result = new StringBuilder();
    int ch = next();
    if (rawQuotes) result.appendCodePoint(ch);
    while (true) {
      ch = next();
      if (ch == EOF) throw new LexError("unexpected end of statement while looking for matching single-quote");
      if (ch == '\'') {
        if (rawQuotes) result.appendCodePoint(ch);
        return result.toString();
      }
      result.appendCodePoint(ch);
    }
  }

  private String processDoubleQuote() throws LexError {
    StringBuilder result = new StringBuilder();
    int ch = next();
    if (rawQuotes) result.appendCodePoint(ch);
    while (true) {
      int p = peek();
      if (p == EOF) throw new LexError("unexpected end of statement while looking for matching double-quote");
      if (p == '"') {
        ch = next();
        if (rawQuotes) result.appendCodePoint(ch);
        return result.toString();
      }
      if (p == '$') {
        result.append(processDollar());
        continue;
      }
      ch = next();
      if (ch == ESCAPE) {
        if (rawEscapes) result.appendCodePoint(ch);
        int after = peek();
        if (after == EOF) continue;
        if (after == '"' || after == '$' || after == ESCAPE) ch = next();
      }
      result.appendCodePoint(ch);
    }
  }

  /** A variable reference, copied back as written since no variable is set. */
  private String processDollar() throws LexError {
    next();
    if (peek() != '{') {
      String name = processName();
      return name.isEmpty() ? "$" : "$" + name;
    }
    next();
    int p = peek();
    if (p == EOF) throw new LexError("syntax error: missing '}'");
    if (p == '{' || p == '}' || p == ':') throw new LexError("syntax error: bad substitution");
    String name = processName();
    int ch = next();
    String chs = Character.toString(runeOrReplacement(ch));
    boolean nullIsUnset = false;
    if (ch == '}') return "${" + name + "}";
    if (ch == ':') {
      nullIsUnset = true;
      ch = next();
      chs += Character.toString(runeOrReplacement(ch));
    }
    if (nullIsUnset || ch == '+' || ch == '-' || ch == '?' || ch == '#' || ch == '%') {
      boolean rawWord = ch == '#' || ch == '%';
      if (nullIsUnset && rawWord) throw new LexError("unsupported modifier (" + chs + ") in substitution");
      String word = nested('}', rawWord, "syntax error: missing '}'");
      return "${" + name + chs + word + "}";
    }
    if (ch == '/') {
      if (peek() == '/') next();
      String pattern = nested('/', true, "syntax error: missing '/' in ${}");
      String replacement = nested('}', true, "syntax error: missing '}'");
      return "${" + name + "/" + pattern + "/" + replacement + "}";
    }
    throw new LexError("unsupported modifier (" + chs + ") in substitution");
  }

  private String nested(int stopChar, boolean raw, String atEndMessage) throws LexError {
    try {
      return processStopOn(stopChar, raw).result();
    } catch (LexError e) {
      if (peek() == EOF) throw new LexError(atEndMessage);
      throw e;
    }
  }

  private String processName() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (name.isEmpty() && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit(peek())) name.appendCodePoint(next());
        return name.toString();
      }
      if (name.isEmpty() && "@*#?-$!0".indexOf(ch) >= 0) {
        return Character.toString(next());
      }
      if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') break;
      name.appendCodePoint(next());
    }
    return name.toString();
  }

  /** Go's {@code text/scanner} reads a byte that is not UTF-8 as U+FFFD. */
  private int peek() {
    if (pos >= src.length()) return EOF;
    int cp = src.codePointAt(pos);
    return GoUnicode.isLoneSurrogate(cp) ? 0xFFFD : cp;
  }

  private int next() {
    int cp = peek();
    if (cp != EOF) pos += Character.charCount(src.codePointAt(pos));
    return cp;
  }

  /** Go's {@code string(rune(-1))} at end of input is U+FFFD. */
  private static int runeOrReplacement(int ch) {
    return ch == EOF ? 0xFFFD : ch;
  }

  /** Accumulates words as the lexer's {@code wordsStruct}. */
  private static final class Words {
    private final List<String> words = new ArrayList<>();
    private final StringBuilder buf = new StringBuilder();
    private boolean inWord;

    void addChar(int ch) {
      if (GoUnicode.isSpace(ch) && inWord) {
        if (!buf.isEmpty() && !endsWithHeredocOperator()) {
          words.add(buf.toString());
          buf.setLength(0);
          inWord = false;
        }
      } else if (!GoUnicode.isSpace(ch)) {
        addRaw(ch);
      }
    }

    void addRaw(int ch) {
      buf.appendCodePoint(ch);
      inWord = true;
    }

    void addRaw(String s) {
      buf.append(s);
      inWord = true;
    }

    void addString(String s) {
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        addChar(cp);
        i += Character.charCount(cp);
      }
    }

    List<String> finish() {
      if (!buf.isEmpty()) {
        words.add(buf.toString());
        buf.setLength(0);
        inWord = false;
      }
      return words;
    }

    private boolean endsWithHeredocOperator() {
      int n = buf.length();
      return n >= 2 && buf.charAt(n - 1) == '<' && buf.charAt(n - 2) == '<';
    }
  }
}

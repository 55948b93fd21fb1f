package dev.lade.dockerfile.parser;

import java.util.List;

/**
 * A strict JSON reader following Go's {@code encoding/json}: RFC 8259 grammar, whitespace limited to
 * space, tab, CR and LF, nesting limited to 10000 levels, and strings decoded as Go decodes them
 * (bad surrogate escapes and invalid bytes become U+FFFD). Iterative, so deep nesting cannot
 * overflow the stack.
 */
final class JsonScanner {
  /** Go's {@code encoding/json} maximum nesting depth. */
  static final int MAX_DEPTH = 10000;

  /** Not valid JSON. */
  static final class SyntaxError extends Exception {
    SyntaxError() {
      super(null, null, false, false);
    }
  }

  private final String s;
  private int pos;
  private boolean numberOutOfRange;

  JsonScanner(String s) {
    this.s = s;
  }

  /** Whether a number did not fit a float64 (Go then fails decoding the value). */
  boolean sawNumberOutOfRange() {
    return numberOutOfRange;
  }

  /**
   * Reads the top-level array at the start of the text, adding its string elements to
   * {@code strings}; text after the array is not looked at.
   *
   * @return whether every element was a string
   */
  boolean readArrayOfStrings(List<String> strings) throws SyntaxError {
    expect('[');
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return true;
    }
    boolean allStrings = true;
    while (true) {
      skipWhitespace();
      if (peek() == '"') {
        strings.add(readString());
      } else {
        skipValue(1);
        allStrings = false;
      }
      skipWhitespace();
      char c = next();
      if (c == ']') return allStrings;
      if (c != ',') throw new SyntaxError();
    }
  }

  /** Skips one value inside {@code depth} open containers, checking its syntax. */
  private void skipValue(int depth) throws SyntaxError {
    StringBuilder closers = new StringBuilder();
    while (true) {
      skipWhitespace();
      char c = peek();
      boolean valueDone = true;
      if (c == '[' || c == '{') {
        pos++;
        if (depth + closers.length() + 1 > MAX_DEPTH) throw new SyntaxError();
        char closer = c == '[' ? ']' : '}';
        closers.append(closer);
        skipWhitespace();
        if (peek() == closer) {
          pos++;
          closers.setLength(closers.length() - 1);
        } else {
          if (closer == '}') readKeyAndColon();
          valueDone = false;
        }
      } else {
        skipScalar();
      }
      if (valueDone && afterValue(closers)) return;
    }
  }

  /**
   * After a value: closes finished containers; returns true when none is left open, false when a
   * comma asks for another value.
   */
  private boolean afterValue(StringBuilder closers) throws SyntaxError {
    while (!closers.isEmpty()) {
      char open = closers.charAt(closers.length() - 1);
      skipWhitespace();
      char c = next();
      if (c == ',') {
        if (open == '}') readKeyAndColon();
        return false;
      }
      if (c != open) throw new SyntaxError();
      closers.setLength(closers.length() - 1);
    }
    return true;
  }

  private void readKeyAndColon() throws SyntaxError {
    skipWhitespace();
    if (peek() != '"') throw new SyntaxError();
    readString();
    skipWhitespace();
    expect(':');
  }

  private void skipScalar() throws SyntaxError {
    char c = peek();
    switch (c) {
      case '"' -> readString();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) readNumber();
        else throw new SyntaxError();
      }
    }
  }

  private void literal(String word) throws SyntaxError {
    if (!s.startsWith(word, pos)) throw new SyntaxError();
    pos += word.length();
  }

  private void readNumber() throws SyntaxError {
    int start = pos;
    if (peek() == '-') pos++;
    if (peek() == '0') {
      pos++;
    } else {
      digits();
    }
    if (peek() == '.') {
      pos++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') pos++;
      digits();
    }
    if (Double.isInfinite(Double.parseDouble(s.substring(start, pos)))) numberOutOfRange = true;
  }

  private void digits() throws SyntaxError {
    if (!isDigit(peek())) throw new SyntaxError();
    while (isDigit(peek())) pos++;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private String readString() throws SyntaxError {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length()) throw new SyntaxError();
      char c = s.charAt(pos++);
      if (c == '"') return sb.toString();
      if (c < 0x20) throw new SyntaxError();
      if (c == '\\') {
        readEscape(sb);
      } else if (Character.isHighSurrogate(c) && pos < s.length() && Character.isLowSurrogate(s.charAt(pos))) {
        sb.append(c).append(s.charAt(pos++));
      } else {
        sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
  }

  private void readEscape(StringBuilder sb) throws SyntaxError {
    char e = next();
    switch (e) {
      case '"', '\\', '/' -> sb.append(e);
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'u' -> readUnicodeEscape(sb);
      default -> throw new SyntaxError();
    }
  }

  /** {@code \}{@code uXXXX}: a surrogate pair becomes one code point; any other surrogate U+FFFD. */
  private void readUnicodeEscape(StringBuilder sb) throws SyntaxError {
    int r = hex4(pos);
    pos += 4;
    if (!Character.isSurrogate((char) r)) {
      sb.append((char) r);
      return;
    }
    if (Character.isHighSurrogate((char) r) && s.startsWith("\\u", pos) && pos + 6 <= s.length()) {
      int low = hex4(pos + 2);
      if (Character.isLowSurrogate((char) low)) {
        pos += 6;
        sb.append((char) r).append((char) low);
        return;
      }
    }
    sb.append('\uFFFD');
  }

  private int hex4(int at) throws SyntaxError {
    if (at + 4 > s.length()) throw new SyntaxError();
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0 || s.charAt(i) > 'f') throw new SyntaxError();
      v = v * 16 + d;
    }
    return v;
  }

  private void skipWhitespace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      pos++;
    }
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private char next() throws SyntaxError {
    if (pos >= s.length()) throw new SyntaxError();
    return s.charAt(pos++);
  }

  private void expect(char c) throws SyntaxError {
    if (next() != c) throw new SyntaxError();
  }
}

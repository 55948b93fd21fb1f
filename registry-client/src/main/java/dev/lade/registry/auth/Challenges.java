package dev.lade.registry.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate} headers (RFC 9110 section 11.6.1): one header may hold several
 * challenges separated by commas, and parameter values may be quoted strings with escapes.
 */
public final class Challenges {
  private Challenges() {}

  /** Every challenge in {@code headers} (the values of all {@code WWW-Authenticate} headers). */
  public static List<Challenge> parse(List<String> headers) {
    List<Challenge> challenges = new ArrayList<>();
    for (String header : headers) challenges.addAll(parse(header));
    return challenges;
  }

  /** Every challenge in one header value; malformed tails are dropped. */
  public static List<Challenge> parse(String header) {
    List<Challenge> challenges = new ArrayList<>();
    Cursor in = new Cursor(header == null ? "" : header);
    while (true) {
      in.skip(" \t,");
      String scheme = in.token();
      if (scheme.isEmpty()) return challenges;
      Map<String, String> parameters = new LinkedHashMap<>();
      while (true) {
        int mark = in.position;
        in.skip(" \t,");
        String name = in.token();
        in.skip(" \t");
        if (name.isEmpty() || !in.consume('=')) {
          in.position = mark; // the next challenge's scheme, or the end
          break;
        }
        in.skip(" \t");
        parameters.put(name.toLowerCase(Locale.ROOT), in.peek() == '"' ? in.quoted() : in.token());
      }
      challenges.add(new Challenge(scheme, parameters));
    }
  }

  private static final class Cursor {
    private final String text;
    private int position;

    Cursor(String text) {
      this.text = text;
    }

    char peek() {
      return position < text.length() ? text.charAt(position) : 0;
    }

    void skip(String characters) {
      while (position < text.length() && characters.indexOf(text.charAt(position)) >= 0) position++;
    }

    boolean consume(char c) {
      if (peek() != c) return false;
      position++;
      return true;
    }

    /** An RFC 9110 token (tchar+), plus the token68 characters Basic credentials use. */
    String token() {
      int start = position;
      while (position < text.length()) {
        char c = text.charAt(position);
        if (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~/:".indexOf(c) >= 0) position++;
        else break;
      }
      return text.substring(start, position);
    }

    String quoted() {
      StringBuilder value = new StringBuilder();
      position++; // opening quote
      while (position < text.length()) {
        char c = text.charAt(position++);
        if (c == '"') break;
        if (c == '\\' && position < text.length()) c = text.charAt(position++);
        value.append(c);
      }
      return value.toString();
    }
  }
}

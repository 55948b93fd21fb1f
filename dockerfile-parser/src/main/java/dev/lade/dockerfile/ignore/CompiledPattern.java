package dev.lade.dockerfile.ignore;

/**
 * How patternmatcher matches one cleaned pattern: plain string tests where it can, otherwise a
 * regular expression translated from the pattern, exactly as {@code Pattern.compile} does it.
 */
sealed interface CompiledPattern {
  /** Whether the slash-separated {@code path} matches. */
  boolean matches(String path);

  /** No wildcard at all: the path must equal the pattern. */
  record Exact(String pattern) implements CompiledPattern {
    @Override public boolean matches(String path) { return path.equals(pattern); }
  }

  /** {@code dir/**}: the path must start with the text before the final {@code **}. */
  record Prefix(String prefix) implements CompiledPattern {
    @Override public boolean matches(String path) { return path.startsWith(prefix); }
  }

  /** {@code **}{@code /name}: the path must end with the rest; {@code **}{@code /foo} also matches {@code foo}. */
  record Suffix(String suffix) implements CompiledPattern {
    @Override public boolean matches(String path) {
      return path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
    }
  }

  /** Anything else: the translated regular expression, run without backtracking. */
  record Regex(String expression, RegexProgram program) implements CompiledPattern {
    @Override public boolean matches(String path) { return program.matches(path); }
  }

  /** The translated expression does not compile; Go reports {@code ErrBadPattern} on use. */
  record Unusable(String expression) implements CompiledPattern {
    @Override public boolean matches(String path) { throw new IllegalStateException("unusable pattern"); }
  }

  /** Translates a cleaned pattern (without its {@code !}) the way patternmatcher does. */
  static CompiledPattern compile(String pattern) {
    Translation t = Translation.of(pattern);
    return switch (t.type()) {
      case EXACT -> new Exact(pattern);
      case PREFIX -> new Prefix(pattern.substring(0, pattern.length() - 2));
      case SUFFIX -> new Suffix(pattern.substring(2));
      case REGEX -> RegexParser.parse(t.regex())
          .<CompiledPattern>map(node -> new Regex(t.regex(), RegexProgram.compile(node)))
          .orElseGet(() -> new Unusable(t.regex()));
    };
  }

  /** The regular expression text and the match type patternmatcher derives from a pattern. */
  record Translation(String regex, Type type) {
    enum Type { EXACT, PREFIX, SUFFIX, REGEX }

    private static final String REGEX_ONLY_SPECIALS = ".+()|{}$";

    static Translation of(String pattern) {
      int[] cps = pattern.codePoints().toArray();
      StringBuilder re = new StringBuilder("^");
      Type type = Type.EXACT;
      int p = 0;
      for (int i = 0; p < cps.length; i++) {
        int ch = cps[p++];
        if (ch == '*' && p < cps.length && cps[p] == '*') {
          p++;
          if (p < cps.length && cps[p] == '/') p++; // **/ is the same as **
          if (p < cps.length) {
            re.append("(.*/)?"); // any number of leading directories, even none
            type = Type.REGEX;
          } else if (type == Type.EXACT) {
            type = Type.PREFIX;
          } else {
            re.append(".*");
            type = Type.REGEX;
          }
          if (i == 0) type = Type.SUFFIX;
        } else if (ch == '*') {
          re.append("[^/]*");
          type = Type.REGEX;
        } else if (ch == '?') {
          re.append("[^/]");
          type = Type.REGEX;
        } else if (ch < 0x80 && REGEX_ONLY_SPECIALS.indexOf(ch) >= 0) {
          re.append('\\').appendCodePoint(ch);
        } else if (ch == '\\') {
          // The escaped character is passed on to the regular expression as an escape.
          re.append('\\');
          if (p < cps.length) {
            re.appendCodePoint(cps[p++]);
            type = Type.REGEX;
          }
        } else if (ch == '[' || ch == ']') {
          re.appendCodePoint(ch);
          type = Type.REGEX;
        } else {
          re.appendCodePoint(ch);
        }
      }
      if (type == Type.REGEX) re.append('$');
      return new Translation(re.toString(), type);
    }
  }
}

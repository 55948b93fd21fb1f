package dev.lade.dockerfile.ignore;

/**
 * One compiled pattern of an ignore file: the cleaned pattern text (without its {@code !}),
 * whether it is an exclusion ({@code !pattern}, which re-includes), and where it came from.
 */
public final class IgnorePattern {
  static final String BAD_PATTERN = "syntax error in pattern";

  private final String pattern;
  private final boolean exclusion;
  private final String source;
  private final int line;
  private final CompiledPattern compiled;

  IgnorePattern(String pattern, boolean exclusion, String source, int line) {
    this.pattern = pattern;
    this.exclusion = exclusion;
    this.source = source;
    this.line = line;
    this.compiled = CompiledPattern.compile(pattern);
  }

  /** The cleaned pattern, without a leading {@code !}. */
  public String pattern() { return pattern; }

  /** Whether this is a {@code !} exception that re-includes what earlier patterns excluded. */
  public boolean exclusion() { return exclusion; }

  /** The 1-based line in the ignore file, or 0 when not from a file. */
  public int line() { return line; }

  /**
   * Whether {@code path} (slash-separated, relative) matches this pattern by itself, ignoring
   * parent directories.
   *
   * @throws IgnorePatternException when the pattern cannot be used (BuildKit fails the same way, on
   *     first use: {@code syntax error in pattern})
   */
  public boolean matches(String path) {
    if (compiled instanceof CompiledPattern.Unusable) throw new IgnorePatternException(source, line, BAD_PATTERN);
    return compiled.matches(path);
  }

  /** The pattern as written in canonical form, with {@code !} for exclusions. */
  @Override public String toString() {
    return exclusion ? "!" + pattern : pattern;
  }
}

package dev.lade.dockerfile.shell;

import java.util.List;

/**
 * BuildKit's word expander (package {@code frontend/dockerfile/shell}): substitutes {@code $name} and
 * {@code ${name...}} from an {@link Env}, removes quotes and escapes, and optionally splits the result into words.
 *
 * <p>Supported forms: {@code $v}, {@code ${v}}, {@code ${v:-w}}, {@code ${v-w}}, {@code ${v:+w}}, {@code ${v+w}},
 * {@code ${v:?m}}, {@code ${v?m}}, {@code ${v#p}}, {@code ${v##p}}, {@code ${v%p}}, {@code ${v%%p}},
 * {@code ${v/p/r}} and {@code ${v//p/r}}, nested substitutions in the word parts, positional and special
 * parameters (never set), single and double quotes. Failures are {@link ShellExpansionException}s with BuildKit's
 * messages.
 *
 * <p>Instances are immutable and safe to share; the {@code with...} methods return modified copies.
 */
public final class ShellLexer {
  private final char escapeToken;
  private final boolean rawQuotes;
  private final boolean rawEscapes;
  private final boolean skipUnsetEnv;
  private final boolean skipProcessQuotes;

  /** A lexer with default options: quotes and escapes are removed, unset variables expand to nothing. */
  public ShellLexer(char escapeToken) {
    this(escapeToken, false, false, false, false);
  }

  private ShellLexer(char escapeToken, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetEnv,
      boolean skipProcessQuotes) {
    this.escapeToken = escapeToken;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
    this.skipUnsetEnv = skipUnsetEnv;
    this.skipProcessQuotes = skipProcessQuotes;
  }

  /** Keep quote characters in the output (BuildKit's RawQuotes). */
  public ShellLexer withRawQuotes(boolean on) {
    return new ShellLexer(escapeToken, on, rawEscapes, skipUnsetEnv, skipProcessQuotes);
  }

  /** Keep escape characters in the output (BuildKit's RawEscapes). */
  public ShellLexer withRawEscapes(boolean on) {
    return new ShellLexer(escapeToken, rawQuotes, on, skipUnsetEnv, skipProcessQuotes);
  }

  /** Leave references to unset variables as written, e.g. {@code $VAR} or {@code ${VAR:-x}} (SkipUnsetEnv). */
  public ShellLexer withSkipUnsetEnv(boolean on) {
    return new ShellLexer(escapeToken, rawQuotes, rawEscapes, on, skipProcessQuotes);
  }

  /**
   * Treat quotes as ordinary characters, so only variables and escapes are processed (SkipProcessQuotes; used for
   * heredoc bodies).
   */
  public ShellLexer withSkipProcessQuotes(boolean on) {
    return new ShellLexer(escapeToken, rawQuotes, rawEscapes, skipUnsetEnv, on);
  }

  /** Expands {@code word} into one string; white space is kept as it is. */
  public String processWord(String word, Env env) {
    return process(word, env).result();
  }

  /** Expands {@code word} and splits it on unquoted white space, including white space from variable values. */
  public List<String> processWords(String word, Env env) {
    return process(word, env).words();
  }

  /**
   * Expands {@code word} and reports the result, the words, and which referenced variables were set or unset (like
   * BuildKit's ProcessWordWithMatches).
   *
   * @throws ShellExpansionException if the word is malformed or a {@code ?} substitution fails
   */
  public Expansion process(String word, Env env) {
    return Expander.expand(word, this, env);
  }

  /** The escape character: {@code \} by default, {@code `} under {@code # escape=`}. */
  public char escapeToken() {
    return escapeToken;
  }

  /** Whether quote characters are kept. */
  public boolean rawQuotes() {
    return rawQuotes;
  }

  /** Whether escape characters are kept. */
  public boolean rawEscapes() {
    return rawEscapes;
  }

  /** Whether references to unset variables are left as written. */
  public boolean skipUnsetEnv() {
    return skipUnsetEnv;
  }

  /** Whether quotes are ordinary characters. */
  public boolean skipProcessQuotes() {
    return skipProcessQuotes;
  }
}

package dev.lade.dockerfile.shell;

import dev.lade.dockerfile.text.GoQuote;
/**
 * A word could not be expanded. The message reads like BuildKit's, for example
 * {@code failed to process "${a": syntax error: missing '}'}.
 */
public final class ShellExpansionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String reason;

  /**
   * @param source the word that was being expanded
   * @param reason what went wrong, without the {@code failed to process} prefix
   */
  public ShellExpansionException(String source, String reason) {
    super("failed to process " + GoQuote.quote(source) + ": " + reason);
    this.source = source;
    this.reason = reason;
  }

  /** The word that was being expanded. */
  public String source() {
    return source;
  }

  /** What went wrong, for example {@code syntax error: bad substitution} or {@code VAR: is not allowed to be unset}. */
  public String reason() {
    return reason;
  }
}

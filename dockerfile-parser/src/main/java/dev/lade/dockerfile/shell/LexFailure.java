package dev.lade.dockerfile.shell;

/**
 * Internal signal that expansion failed; {@link Expander} turns it into a {@link ShellExpansionException}
 * after letting enclosing substitutions rewrite the reason (BuildKit reports a missing brace there).
 */
final class LexFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LexFailure(String reason) {
    super(reason, null, false, false);
  }

  String reason() {
    return getMessage();
  }
}

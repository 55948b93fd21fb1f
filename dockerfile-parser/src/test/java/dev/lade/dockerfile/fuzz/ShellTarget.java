package dev.lade.dockerfile.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.dockerfile.shell.Env;
import dev.lade.dockerfile.shell.Expansion;
import dev.lade.dockerfile.shell.ShellExpansionException;
import dev.lade.dockerfile.shell.ShellLexer;

/**
 * One word through the expander: {@code processWord}, {@code processWords} and {@code process}
 * under one option combination. A {@link ShellExpansionException} is an accepted outcome (and
 * then all three must agree that the word fails); anything else escapes to the caller.
 */
final class ShellTarget {
  static final Env ENV = Env.ofEntries(Seeds.ENV);
  /** Escape token and the four flags: 2^5 combinations. */
  static final int OPTION_COMBINATIONS = 32;

  private ShellTarget() {}

  /** The lexer for combination {@code bits} (0 to 31). */
  static ShellLexer lexer(int bits) {
    return new ShellLexer((bits & 1) == 0 ? '\\' : '`')
        .withRawQuotes((bits & 2) != 0)
        .withRawEscapes((bits & 4) != 0)
        .withSkipUnsetEnv((bits & 8) != 0)
        .withSkipProcessQuotes((bits & 16) != 0);
  }

  /** True when the word expanded, false when it failed with the typed error. */
  static boolean run(ShellLexer lexer, String word) {
    String single;
    try {
      single = lexer.processWord(word, ENV);
    } catch (ShellExpansionException e) {
      checkWellFormed(e);
      checkFails(() -> lexer.processWords(word, ENV));
      checkFails(() -> lexer.process(word, ENV));
      return false;
    }
    assertNotNull(lexer.processWords(word, ENV));
    Expansion full = lexer.process(word, ENV);
    assertEquals(single, full.result(), "process and processWord disagree");
    return true;
  }

  private static void checkFails(Runnable expansion) {
    try {
      expansion.run();
    } catch (ShellExpansionException e) {
      checkWellFormed(e);
      return;
    }
    throw new AssertionError("processWord failed but another entry point expanded the word");
  }

  /**
   * A reason is always there. It may span lines: like BuildKit's, it can quote the word's own text
   * (an unsupported modifier character, a {@code ${VAR?message}}).
   */
  private static void checkWellFormed(ShellExpansionException e) {
    assertNotNull(e.reason());
    assertTrue(e.getMessage().startsWith("failed to process "), e::getMessage);
  }
}

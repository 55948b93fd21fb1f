package dev.lade.dockerfile.shell;

/**
 * One level of BuildKit's recursive descent (processStopOn, processDoubleQuote, processDollar), kept on an explicit
 * stack so that deeply nested substitutions cannot overflow the Java stack.
 *
 * <p>Where BuildKit returns each level's text as a new string for the level above to copy, every frame here writes
 * to the end of one shared buffer ({@link Expander#out}), from its {@link #start} on. A level that passes its inner
 * text through (a default, a kept {@code ${VAR:-...}}) leaves it in place, and one that replaces it cuts it off, so
 * each character is written and removed at most once: nested substitutions take linear time, not quadratic.
 */
sealed interface Frame permits WordFrame, DoubleQuoteFrame, DollarFrame {
  /** Works until this frame pushes a child frame or completes. */
  void run(Expander x);

  /** Where this frame's text begins in {@link Expander#out}. */
  int start();

  /** The child frame that just completed wrote its text to {@link Expander#out} from {@code from} on. */
  void childDone(Expander x, int from);

  /** Lets a frame rewrite the reason of a failure that came out of one of its children. */
  default String unwind(String reason, boolean atEnd) {
    return reason;
  }
}

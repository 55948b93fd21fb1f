package dev.lade.dockerfile.shell;

/**
 * One level of BuildKit's recursive descent (processStopOn, processDoubleQuote, processDollar), kept on an explicit
 * stack so that deeply nested substitutions cannot overflow the Java stack.
 */
sealed interface Frame permits WordFrame, DoubleQuoteFrame, DollarFrame {
  /** Works until this frame pushes a child frame or completes. */
  void run(Expander x);

  /** Receives the text produced by the child frame that just completed. */
  void childDone(String value);

  /** Lets a frame rewrite the reason of a failure that came out of one of its children. */
  default String unwind(String reason, boolean atEnd) {
    return reason;
  }
}

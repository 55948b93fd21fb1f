package dev.lade.dockerfile.shell;

/**
 * A double-quoted section: BuildKit's processDoubleQuote. Variables expand; the escape character only escapes
 * {@code "}, {@code $} and itself, and stays literal before anything else.
 */
final class DoubleQuoteFrame implements Frame {
  private final StringBuilder result = new StringBuilder();

  DoubleQuoteFrame(Expander x) {
    int quote = x.in.next();
    if (x.options.rawQuotes()) {
      result.appendCodePoint(quote);
    }
  }

  @Override
  public void run(Expander x) {
    RuneScanner in = x.in;
    int escape = x.options.escapeToken();
    while (true) {
      int peek = in.peek();
      if (peek == RuneScanner.EOF) {
        throw new LexFailure("unexpected end of statement while looking for matching double-quote");
      }
      if (peek == '"') {
        in.next();
        if (x.options.rawQuotes()) {
          result.append('"');
        }
        x.complete(result.toString());
        return;
      }
      if (peek == '$') {
        x.push(new DollarFrame());
        return;
      }
      int ch = in.next();
      if (ch == escape) {
        if (x.rawEscapes) {
          result.appendCodePoint(ch);
        }
        int after = in.peek();
        if (after == RuneScanner.EOF) {
          continue; // reported as an unterminated quote by the next round
        }
        if (after == '"' || after == '$' || after == escape) {
          ch = in.next();
        }
      }
      result.appendCodePoint(ch);
    }
  }

  @Override
  public void childDone(String value) {
    result.append(value);
  }
}

package dev.lade.dockerfile.shell;

/**
 * A double-quoted section: BuildKit's processDoubleQuote. Variables expand; the escape character only escapes
 * {@code "}, {@code $} and itself, and stays literal before anything else.
 */
final class DoubleQuoteFrame implements Frame {
  private final int start;

  DoubleQuoteFrame(Expander x) {
    start = x.out.length();
    int quote = x.in.next();
    if (x.options.rawQuotes()) {
      x.out.appendCodePoint(quote);
    }
  }

  @Override
  public int start() {
    return start;
  }

  @Override
  public void run(Expander x) {
    RuneScanner in = x.in;
    StringBuilder result = x.out;
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
        x.complete();
        return;
      }
      if (peek == '$') {
        x.push(new DollarFrame(x));
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
  public void childDone(Expander x, int from) {
    // the substitution's text is in place
  }
}

package dev.lade.dockerfile.shell;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.List;

/**
 * Expands text up to a stop character (or the end): BuildKit's processStopOn. The whole word is one such frame, and
 * so is each part of a {@code ${...}} substitution.
 */
final class WordFrame implements Frame {
  private final int stop;
  private final boolean outerRawEscapes;
  private final StringBuilder result = new StringBuilder();
  /** Only the outermost frame splits words; nested frames' words are never used. */
  private final WordSplitter words;
  private boolean childIsDollar;

  WordFrame(Expander x, int stop, boolean rawEscapes, boolean splitWords) {
    this.stop = stop;
    this.outerRawEscapes = x.rawEscapes;
    this.words = splitWords ? new WordSplitter() : null;
    x.rawEscapes = rawEscapes;
  }

  @Override
  public void run(Expander x) {
    RuneScanner in = x.in;
    boolean processQuotes = !x.options.skipProcessQuotes();
    while (true) {
      int ch = in.peek();
      if (ch == RuneScanner.EOF) {
        if (stop != RuneScanner.EOF) {
          throw new LexFailure("unexpected end of statement while looking for matching " + GoUnicode.runeString(stop));
        }
        finish(x);
        return;
      }
      if (ch == stop) {
        in.next();
        finish(x);
        return;
      }
      if (ch == '$' || (processQuotes && ch == '"')) {
        childIsDollar = ch == '$';
        x.push(ch == '$' ? new DollarFrame() : new DoubleQuoteFrame(x));
        return;
      }
      if (processQuotes && ch == '\'') {
        String quoted = x.singleQuote();
        result.append(quoted);
        addRawString(quoted);
        continue;
      }
      plainChar(x, in);
    }
  }

  /** An ordinary character; the escape character takes the next one literally (and is dropped at the end). */
  private void plainChar(Expander x, RuneScanner in) {
    int ch = in.next();
    if (ch == x.options.escapeToken()) {
      if (x.rawEscapes) {
        addRawChar(ch);
        result.appendCodePoint(ch);
      }
      ch = in.next();
      if (ch == RuneScanner.EOF) {
        return;
      }
      addRawChar(ch);
    } else if (words != null) {
      words.addChar(ch);
    }
    result.appendCodePoint(ch);
  }

  @Override
  public void childDone(String value) {
    result.append(value);
    if (words == null) {
      return;
    }
    if (childIsDollar) {
      words.addString(value);
    } else {
      words.addRawString(value);
    }
  }

  List<String> words() {
    return words == null ? List.of() : words.words();
  }

  private void finish(Expander x) {
    x.rawEscapes = outerRawEscapes;
    x.complete(result.toString());
  }

  private void addRawChar(int ch) {
    if (words != null) {
      words.addRawChar(ch);
    }
  }

  private void addRawString(String s) {
    if (words != null) {
      words.addRawString(s);
    }
  }
}

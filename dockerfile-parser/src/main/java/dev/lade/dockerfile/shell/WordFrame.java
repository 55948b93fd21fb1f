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
  private final int start;
  /** Only the outermost frame splits words; nested frames' words are never used. */
  private final WordSplitter words;
  private boolean childIsDollar;

  WordFrame(Expander x, int stop, boolean rawEscapes, boolean splitWords) {
    this.stop = stop;
    this.outerRawEscapes = x.rawEscapes;
    this.start = x.out.length();
    this.words = splitWords ? new WordSplitter() : null;
    x.rawEscapes = rawEscapes;
  }

  @Override
  public int start() {
    return start;
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
        x.push(ch == '$' ? new DollarFrame(x) : new DoubleQuoteFrame(x));
        return;
      }
      if (processQuotes && ch == '\'') {
        int from = x.out.length();
        x.singleQuote();
        if (words != null) {
          words.addRawString(x.out.substring(from));
        }
        continue;
      }
      plainChar(x, in);
    }
  }

  /** An ordinary character; the escape character takes the next one literally (and is dropped at the end). */
  private void plainChar(Expander x, RuneScanner in) {
    StringBuilder result = x.out;
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

  /** Only the outermost frame looks at (and so copies) its children's text, for word splitting. */
  @Override
  public void childDone(Expander x, int from) {
    if (words == null) {
      return;
    }
    String value = x.out.substring(from);
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
    x.complete();
  }

  private void addRawChar(int ch) {
    if (words != null) {
      words.addRawChar(ch);
    }
  }
}

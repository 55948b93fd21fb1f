package dev.lade.dockerfile.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One expansion run: the scanner, the frame stack and the variables looked up along the way. */
final class Expander {
  final RuneScanner in;
  final ShellLexer options;
  /** Whether escape characters are kept; substitution patterns switch it on for their part of the word. */
  boolean rawEscapes;
  /** The text written so far: the finished text of completed frames, then the partial text of running ones. */
  final StringBuilder out = new StringBuilder();

  private final Env env;
  private final Set<String> matched = new LinkedHashSet<>();
  private final Set<String> unmatched = new LinkedHashSet<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final DollarIndex dollars = new DollarIndex();

  private Expander(String word, ShellLexer options, Env env) {
    this.in = new RuneScanner(word);
    this.options = options;
    this.env = env;
    this.rawEscapes = options.rawEscapes();
  }

  static Expansion expand(String word, ShellLexer options, Env env) {
    Expander x = new Expander(word, options, env);
    WordFrame top = new WordFrame(x, RuneScanner.EOF, x.rawEscapes, true);
    x.push(top);
    try {
      while (!x.stack.isEmpty()) {
        x.stack.peek().run(x);
      }
    } catch (LexFailure failure) {
      throw new ShellExpansionException(word, x.unwind(failure.reason()));
    }
    List<String> words = top.words();
    return new Expansion(x.out.toString(), words, x.matched, x.unmatched);
  }

  void push(Frame frame) {
    stack.push(frame);
  }

  /** Pops the running frame, whose text is now complete, and tells the frame below it. */
  void complete() {
    Frame done = stack.pop();
    Frame parent = stack.peek();
    if (parent != null) {
      parent.childDone(this, done.start());
    }
  }

  /** Cuts {@link #out} back to {@code length}, dropping the text after it. */
  void truncate(int length) {
    out.setLength(length);
    dollars.truncate(length);
  }

  /** Whether {@link #out} holds a {@code $} at {@code from} or after it. */
  boolean dollarFrom(int from) {
    return dollars.anyFrom(out, from);
  }

  /** A variable's value, without recording it: {@link #lookup} records it later, where BuildKit does. */
  Optional<String> peek(String name) {
    return env.get(name);
  }

  /** Looks a variable up and records whether it was set, as BuildKit's getEnv does. */
  Optional<String> lookup(String name) {
    Optional<String> value = env.get(name);
    (value.isPresent() ? matched : unmatched).add(name);
    return value;
  }

  /** Writes a quoted section after the opening {@code '}: everything up to the next {@code '} is literal. */
  void singleQuote() {
    int quote = in.next();
    if (options.rawQuotes()) {
      out.appendCodePoint(quote);
    }
    while (true) {
      int ch = in.next();
      if (ch == RuneScanner.EOF) {
        throw new LexFailure("unexpected end of statement while looking for matching single-quote");
      }
      if (ch == '\'') {
        if (options.rawQuotes()) {
          out.appendCodePoint(ch);
        }
        return;
      }
      out.appendCodePoint(ch);
    }
  }

  private String unwind(String reason) {
    stack.pop(); // the frame that failed reports its own reason unchanged
    String current = reason;
    while (!stack.isEmpty()) {
      current = stack.pop().unwind(current, in.atEnd());
    }
    return current;
  }
}

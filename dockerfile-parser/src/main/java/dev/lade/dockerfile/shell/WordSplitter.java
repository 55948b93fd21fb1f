package dev.lade.dockerfile.shell;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits expanded text into words on unquoted white space, as BuildKit's words mode does. Text from quotes and escaped
 * characters is added raw, so it never splits. White space after {@code <<} stays in the word, so that
 * {@code << EOF} reaches heredoc detection as one word.
 */
final class WordSplitter {
  private final List<String> words = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;
  private boolean gluing;

  /** Adds an unquoted character: white space ends the current word. */
  void addChar(int cp) {
    if (!GoUnicode.isSpace(cp)) {
      addRawChar(cp);
    } else if (inWord) {
      if (gluing || endsWithHeredocMarker()) {
        word.appendCodePoint(cp);
        gluing = true;
      } else if (word.length() != 0) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
    }
  }

  /** Adds unquoted text, such as a variable's value: its white space splits words. */
  void addString(String s) {
    s.codePoints().forEach(this::addChar);
  }

  /** Adds a character that never splits (escaped or quoted). */
  void addRawChar(int cp) {
    word.appendCodePoint(cp);
    inWord = true;
    gluing = false;
  }

  /** Adds text that never splits (the content of quotes). */
  void addRawString(String s) {
    word.append(s);
    inWord = true;
    gluing = false;
  }

  /** The words so far, including the one being built if it is not empty. */
  List<String> words() {
    List<String> out = new ArrayList<>(words);
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  private boolean endsWithHeredocMarker() {
    int n = word.length();
    return n >= 2 && word.charAt(n - 1) == '<' && word.charAt(n - 2) == '<';
  }
}

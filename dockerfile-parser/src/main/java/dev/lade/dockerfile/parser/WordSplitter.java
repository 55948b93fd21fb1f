package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's {@code parseWords}: splits ARG, ENV and LABEL arguments into words, keeping quotes
 * and escapes in them (they are removed later, when variables are expanded).
 *
 * <p>Unquoted Unicode whitespace separates words. A {@code '} or {@code "} opens a section that
 * runs to the same quote. The escape character E and the character after it are both kept, except
 * inside single quotes where E means nothing; an E at the very end is dropped. A word that had
 * quotes is kept even when empty.
 */
final class WordSplitter {
  private enum Phase { SPACES, WORD, QUOTE }

  private WordSplitter() {}

  static List<String> split(String rest, char escape) {
    List<String> words = new ArrayList<>();
    Phase phase = Phase.SPACES;
    StringBuilder word = new StringBuilder();
    int quote = 0;
    boolean blankOk = false;
    int len = rest.length();
    int pos = 0;
    while (true) {
      int ch = pos < len ? rest.codePointAt(pos) : -1;
      int width = pos < len ? Character.charCount(ch) : 1;
      if (phase == Phase.SPACES) {
        if (pos == len) break;
        if (GoUnicode.isSpace(ch)) {
          pos += width;
          continue;
        }
        phase = Phase.WORD;
      }
      if (pos == len) {
        if (blankOk || !word.isEmpty()) words.add(word.toString());
        break;
      }
      if (phase == Phase.WORD && GoUnicode.isSpace(ch)) {
        if (blankOk || !word.isEmpty()) words.add(word.toString());
        phase = Phase.SPACES;
        word.setLength(0);
        blankOk = false;
        pos += width;
        continue;
      }
      if (phase == Phase.WORD && (ch == '\'' || ch == '"')) {
        quote = ch;
        blankOk = true;
        phase = Phase.QUOTE;
      } else if (phase == Phase.QUOTE && ch == quote) {
        phase = Phase.WORD;
      } else if (ch == escape && (phase == Phase.WORD || quote != '\'')) {
        if (pos + width == len) {
          phase = Phase.WORD; // a final escape is dropped
          pos += width;
          continue;
        }
        // E and the next character are kept together, even when that is a quote.
        word.appendCodePoint(ch);
        pos += width;
        ch = rest.codePointAt(pos);
        width = Character.charCount(ch);
      }
      word.appendCodePoint(ch);
      pos += width;
    }
    return words.stream().map(GoUnicode::replaceInvalid).toList();
  }
}

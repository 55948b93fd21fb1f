package dev.lade.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the leading {@code --flags} off an instruction's arguments, as BuildKit's
 * {@code extractBuilderFlags}: words are read while they start with {@code --}; a bare {@code --}
 * ends the flags and is dropped; quotes ({@code '} or {@code "}) are removed but group whitespace;
 * a backslash escapes the next character everywhere, even in single quotes and even when the
 * Dockerfile's escape character is a backtick; an unterminated quote is accepted.
 *
 * <p>Deliberate difference: BuildKit scans this part byte by byte, so every byte of a non-ASCII
 * character is re-encoded as if it were Latin-1 ({@code --chown=é} becomes {@code --chown=Ã©}), and
 * a character containing byte 0x85 or 0xA0 (such as {@code à}) ends the flag word. That corrupts
 * user names, paths and ids that other instructions write correctly, and no BuildKit test pins it,
 * so this scanner works on characters: non-ASCII flag values stay as written. Whitespace is the
 * Latin-1 part of Go's set, so NEL and NBSP still end a word as they do in BuildKit. For ASCII the
 * two behave identically.
 */
final class FlagExtractor {
  private enum Phase { SPACES, WORD, QUOTE }

  private FlagExtractor() {}

  /**
   * The flags and what follows them.
   *
   * @param flags the flags in order, quotes and escapes removed
   * @param rest the text from the first non-flag word on (untrimmed)
   */
  record Result(List<String> flags, String rest) {}

  static Result extract(String line) {
    List<String> words = new ArrayList<>();
    Phase phase = Phase.SPACES;
    StringBuilder word = new StringBuilder();
    int quote = 0;
    boolean blankOk = false;
    int len = line.length();
    int pos = 0;
    while (true) {
      int ch = pos < len ? line.codePointAt(pos) : -1;
      int width = pos < len ? Character.charCount(ch) : 1;
      if (phase == Phase.SPACES) {
        if (pos == len) break;
        if (GoUnicode.isLatin1Space(ch)) {
          pos += width;
          continue;
        }
        if (ch != '-' || pos + 1 == len || line.charAt(pos + 1) != '-') return new Result(words, line.substring(pos));
        phase = Phase.WORD;
      }
      if (pos == len) {
        if (!word.toString().equals("--") && (blankOk || !word.isEmpty())) words.add(word.toString());
        break;
      }
      if (phase == Phase.WORD && GoUnicode.isLatin1Space(ch)) {
        if (word.toString().equals("--")) return new Result(words, line.substring(pos));
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
        pos += width;
        continue;
      }
      if (phase == Phase.QUOTE && ch == quote) {
        phase = Phase.WORD;
        pos += width;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == len) {
          phase = Phase.WORD; // a trailing backslash is dropped (and closes nothing)
          pos++;
          continue;
        }
        pos++;
        ch = line.codePointAt(pos);
        width = Character.charCount(ch);
      }
      word.appendCodePoint(ch);
      pos += width;
    }
    return new Result(words, "");
  }
}

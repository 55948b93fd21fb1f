package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoUnicode;
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
  private FlagExtractor() {}

  /**
   * The flags and what follows them.
   *
   * @param flags the flags in order, quotes and escapes removed
   * @param rest the text from the first non-flag word on (untrimmed)
   */
  record Result(List<String> flags, String rest) {}

  static Result extract(String line) {
    List<String> flags = new ArrayList<>();
    int pos = 0;
    while (true) {
      while (pos < line.length() && GoUnicode.isLatin1Space(line.charAt(pos))) pos++;
      if (!line.startsWith("--", pos)) return new Result(flags, line.substring(pos));
      StringBuilder flag = new StringBuilder();
      int end = readWord(line, pos, flag);
      if (flag.toString().equals("--")) return new Result(flags, line.substring(end));
      flags.add(flag.toString());
      pos = end;
    }
  }

  /** Reads the word at {@code pos} into {@code out}, removing quotes and escapes; returns where it ends. */
  private static int readWord(String line, int pos, StringBuilder out) {
    int quote = 0;
    while (pos < line.length()) {
      int ch = line.codePointAt(pos);
      int width = Character.charCount(ch);
      if (quote == 0 && GoUnicode.isLatin1Space(ch)) break;
      if (quote == 0 && (ch == '\'' || ch == '"')) {
        quote = ch;
      } else if (quote != 0 && ch == quote) {
        quote = 0;
      } else if (ch == '\\' && pos + 1 == line.length()) {
        // a trailing backslash is dropped
      } else {
        if (ch == '\\') {
          ch = line.codePointAt(++pos);
          width = Character.charCount(ch);
        }
        out.appendCodePoint(ch);
      }
      pos += width;
    }
    return pos;
  }
}

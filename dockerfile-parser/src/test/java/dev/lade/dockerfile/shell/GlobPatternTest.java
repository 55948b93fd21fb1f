package dev.lade.dockerfile.shell;

import dev.lade.dockerfile.text.GoQuote;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The glob matcher against java.util.regex built the way BuildKit builds its Go regular expression: both use
 * leftmost-first (backtracking-order) semantics, and UNIX_LINES makes '.' exclude only '\n' as in Go.
 */
class GlobPatternTest {
  private static final String PATTERN_ALPHABET = "ab\n*?";
  private static final String TEXT_ALPHABET = "ab\n*?";

  @Test
  void agreesWithBacktrackingRegexOnRandomInputs() {
    Random random = new Random(20260821L);
    for (int round = 0; round < 6_000; round++) {
      String glob = randomGlob(random);
      String text = randomString(random, TEXT_ALPHABET, random.nextInt(9));
      int[] cps = text.codePoints().toArray();
      for (boolean greedy : new boolean[] {false, true}) {
        GlobPattern compiled = GlobPattern.compile(glob, greedy);
        Matcher regex = Pattern.compile(toRegex(glob, greedy), Pattern.UNIX_LINES).matcher(text);
        String where = "glob " + printable(glob) + " on " + printable(text) + " greedy=" + greedy;
        assertEquals(regex.lookingAt() ? regex.end() : -1, compiled.matchPrefix(cps), where);
        for (int from = 0; from <= text.length(); from++) {
          int[] expected = regex.find(from) ? new int[] {regex.start(), regex.end()} : null;
          assertArrayEquals(expected, compiled.find(cps, from), where + " from " + from);
        }
      }
    }
  }

  @Test
  void shortestAndLongestPrefix() {
    int[] text = "foobarbaz".codePoints().toArray();
    assertEquals(4, GlobPattern.compile("f*b", false).matchPrefix(text));
    assertEquals(7, GlobPattern.compile("f*b", true).matchPrefix(text));
    assertEquals(0, GlobPattern.compile("*", false).matchPrefix(text));
    assertEquals(9, GlobPattern.compile("*", true).matchPrefix(text));
    assertEquals(-1, GlobPattern.compile("x", true).matchPrefix(text));
  }

  @Test
  void reversePatternKeepsEscapesInFront() {
    assertEquals("c\\*a", PatternOps.reversePattern("a\\*c"));
    assertEquals("b\\a\\\\", PatternOps.reversePattern("\\\\\\ab"));
    assertEquals("\\ba", PatternOps.reversePattern("ab\\"));
    assertEquals("🖖\\🚀👽", PatternOps.reversePattern("👽\\🚀🖖"));
    assertEquals("b\\\\", PatternOps.reversePattern("\\\\b"));
  }

  @Test
  void replaceAllFollowsGoEmptyMatchRules() {
    assertEquals("xaxbx", PatternOps.replace("", "ab", "x", true));
    assertEquals("x", PatternOps.replace("*", "ab", "x", true));
    assertEquals("x\nx", PatternOps.replace("*", "ab\ncd", "x", true));
    assertEquals("-b-", PatternOps.replace("a", "aba", "-", true));
  }

  @Test
  void replacementTemplateIsGoExpandWithOnlyGroupZero() {
    assertEquals("[m]", ReplacementTemplate.expand("[$0]", "m"));
    assertEquals("[m]", ReplacementTemplate.expand("[${0}]", "m"));
    assertEquals("$", ReplacementTemplate.expand("$$", "m"));
    assertEquals("[]", ReplacementTemplate.expand("[$1]", "m"));
    assertEquals("[]", ReplacementTemplate.expand("[$00]", "m"));
    assertEquals("[]", ReplacementTemplate.expand("[$name]", "m"));
    assertEquals("${0", ReplacementTemplate.expand("${0", "m"));
    assertEquals("a$", ReplacementTemplate.expand("a$", "m"));
    assertEquals("$.", ReplacementTemplate.expand("$.", "m"));
  }

  @Test
  void goQuoteMatchesStrconvQuote() {
    assertEquals("\"\\\" \\\\ / \\b \\f \\n \\r \\t \\x00\"", GoQuote.quote("\" \\ / \b \f \n \r \t \0"));
    assertEquals("\"♥ ☃ 한국어\"", GoQuote.quote("♥ ☃ 한국어"));
    assertEquals("\"\\u00a0\\u200b\\x7f\\a\\v\"", GoQuote.quote("\u00a0\u200b\u007f\u0007\u000b"));
    assertEquals("\"\\U000e0001\"", GoQuote.quote(new String(Character.toChars(0xE0001))));
  }

  private static String randomGlob(Random random) {
    StringBuilder glob = new StringBuilder();
    int length = random.nextInt(6);
    for (int i = 0; i < length; i++) {
      if (random.nextInt(6) == 0) {
        glob.append('\\').append("*?\\".charAt(random.nextInt(3)));
      } else {
        glob.append(PATTERN_ALPHABET.charAt(random.nextInt(PATTERN_ALPHABET.length())));
      }
    }
    return glob.toString();
  }

  /** What BuildKit's convertShellPatternToRegex produces, in Java syntax. */
  private static String toRegex(String glob, boolean greedy) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        regex.append(greedy ? ".*" : ".*?");
      } else if (c == '?') {
        regex.append('.');
      } else {
        if (c == '\\') {
          c = glob.charAt(++i);
        }
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private static String randomString(Random random, String alphabet, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String printable(String s) {
    return GoQuote.quote(s);
  }
}

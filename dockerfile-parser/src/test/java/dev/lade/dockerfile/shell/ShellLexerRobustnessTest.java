package dev.lade.dockerfile.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input: deep nesting, megabyte words and values, backtracking traps, random text. */
class ShellLexerRobustnessTest {
  private static final ShellLexer LEXER = new ShellLexer('\\');
  private static final Duration LIMIT = Duration.ofSeconds(10);

  @Test
  void deeplyNestedDefaultsNeedNoDeepJavaStack() {
    for (int depth : new int[] {5_000, 100_000}) {
      String word = "${a:-".repeat(depth) + "x" + "}".repeat(depth);
      assertEquals("x", assertTimeoutPreemptively(LIMIT, () -> LEXER.processWord(word, Env.of(Map.of()))));
      ShellExpansionException unclosed = assertThrows(ShellExpansionException.class,
          () -> LEXER.processWord(word.substring(0, word.length() - 1), Env.of(Map.of())));
      assertEquals("syntax error: missing '}'", unclosed.reason());
    }
  }

  @Test
  void deeplyNestedQuotesAndSubstitutions() {
    int depth = 20_000;
    String word = "\"${a:-".repeat(depth) + "$B" + "}\"".repeat(depth);
    Expansion e = LEXER.process(word, Env.of(Map.of("B", "b c")));
    assertEquals("b c", e.result());
    assertEquals(List.of("b c"), e.words());
  }

  @Test
  void megabyteWordExpandsInLinearTime() {
    String word = "$FOO ${BAR:-x} \"q\" ".repeat(60_000); // about 1.1 MB
    Env env = Env.of(Map.of("FOO", "foo"));
    Expansion e = assertTimeoutPreemptively(LIMIT, () -> LEXER.process(word, env));
    assertEquals("foo x q ".repeat(60_000), e.result());
    assertEquals(180_000, e.words().size());
  }

  @Test
  void megabyteValuesWithPatterns() {
    String big = "ab".repeat(512 * 1024);
    Env env = Env.of(Map.of("BIG", big));
    assertTimeoutPreemptively(LIMIT, () -> {
      assertEquals(big.substring(2), LEXER.processWord("${BIG#*b}", env));
      assertEquals("b", LEXER.processWord("${BIG##*a}", env));
      assertEquals(big.substring(0, big.length() - 1), LEXER.processWord("${BIG%b*}", env));
      assertEquals("", LEXER.processWord("${BIG%%a*}", env));
      assertEquals("xb".repeat(512 * 1024), LEXER.processWord("${BIG//a/x}", env));
      assertEquals("", LEXER.processWord("${BIG/a*b/}", env));
    });
  }

  @Test
  void patternsThatMakeBacktrackersExplodeStayFast() {
    Env env = Env.of(Map.of("A", "a".repeat(200_000)));
    String trap = "*a".repeat(20) + "b";
    assertTimeoutPreemptively(LIMIT, () -> {
      assertEquals("a".repeat(200_000), LEXER.processWord("${A#" + trap + "}", env));
      assertEquals("a".repeat(200_000), LEXER.processWord("${A%%" + trap + "}", env));
      assertEquals("a".repeat(200_000), LEXER.processWord("${A//" + trap + "/x}", env));
      assertEquals("a".repeat(200_000), LEXER.processWord("${A#" + "*".repeat(100_000) + "}", env));
      assertEquals("", LEXER.processWord("${A##" + "*".repeat(100_000) + "}", env));
    });
  }

  @Test
  void randomTextOnlyEverFailsWithShellExpansionException() {
    Random random = new Random(42);
    String alphabet = "${}:-+?#%/\\'\"*`= \n\taA0_<.\uFEFF\u0000한👽\uD800";
    Env env = Env.of(Map.of("a", "x y", "A", "", "_", "\\*}/", "0", "zero"));
    assertTimeoutPreemptively(LIMIT, () -> {
      for (int i = 0; i < 40_000; i++) {
        ShellLexer lexer = randomOptions(random);
        String word = i % 4 == 0 ? randomBytes(random) : randomWord(random, alphabet);
        try {
          Expansion e = lexer.process(word, env);
          assertNotNull(e.result());
        } catch (ShellExpansionException expected) {
          assertNotNull(expected.getMessage());
        }
      }
    });
  }

  private static ShellLexer randomOptions(Random random) {
    return new ShellLexer(random.nextBoolean() ? '\\' : '`')
        .withRawQuotes(random.nextBoolean())
        .withRawEscapes(random.nextBoolean())
        .withSkipUnsetEnv(random.nextBoolean())
        .withSkipProcessQuotes(random.nextBoolean());
  }

  private static String randomWord(Random random, String alphabet) {
    int[] cps = alphabet.codePoints().toArray();
    StringBuilder word = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      word.appendCodePoint(cps[random.nextInt(cps.length)]);
    }
    return word.toString();
  }

  private static String randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(64)];
    random.nextBytes(bytes);
    return new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }
}

package dev.lade.dockerfile.parser;

import static dev.lade.dockerfile.parser.Parsing.dump;
import static dev.lade.dockerfile.parser.Parsing.failure;
import static dev.lade.dockerfile.parser.Parsing.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonArgsTest {

  @Test
  void decodesJsonEscapesAsJsonDoes() {
    assertEquals(Optional.of(List.of("\" \\ / \b \f \n \r \t \u0000", "é", "\uD83D\uDE00")),
        JsonArgs.parse("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000\", \"\\u00e9\", \"\\ud83d\\ude00\"]"));
  }

  @Test
  void badSurrogateEscapesBecomeReplacementCharacters() {
    assertEquals(Optional.of(List.of("\uFFFDx", "\uFFFD\uFFFD")), JsonArgs.parse("[\"\\ud800x\", \"\\udc00\\ud800\"]"));
  }

  @Test
  void invalidJsonFallsBackToThePlainForm() {
    for (String s : List.of("['a']", "[\"a\",]", "[\"a\"", "[\"a\" \"b\"]", "[01]", "[\"\\x\"]", "[\"tab\there\"]",
        "[\"a\",\u00A0\"b\"]", "[True]", "[{a:1}]", "[\"a\"\u000B]", "[")) {
      assertEquals(Optional.empty(), JsonArgs.parse(s), s);
    }
    assertEquals("(cmd \"['echo','single quotes']\")", dump("CMD ['echo','single quotes']"));
  }

  @Test
  void mustStartWithABracketAfterLeadingWhitespace() {
    assertEquals(Optional.of(List.of("a")), JsonArgs.parse(" \u3000[\"a\"]"));
    assertEquals(Optional.empty(), JsonArgs.parse("x[\"a\"]"));
  }

  @Test
  void textAfterTheArrayIsIgnoredAsGoDecoderIgnoresIt() {
    Node n = first("CMD [\"a\", \"b\"] trailing");
    assertEquals(List.of("a", "b"), n.argValues());
    assertTrue(n.json());
  }

  @Test
  void aNonStringElementIsAnErrorNotAFallback() {
    for (String s : List.of("[1]", "[\"a\", null]", "[true]", "[[\"nested\"]]", "[{\"k\": \"v\"}]", "[\"a\", 1e3]")) {
      ParseFailure e = assertThrows(ParseFailure.class, () -> JsonArgs.parse(s), s);
      assertEquals("when using JSON array syntax, arrays must be comprised of strings only", e.getMessage());
    }
    DockerfileParseException e = failure("FROM a\nCMD [ \"echo\", [ \"nested json\" ] ]\n");
    assertEquals(2, e.line());
    assertEquals(JsonArgs.NOT_STRING_ARRAY, e.reason());
  }

  @Test
  void aNumberTooLargeForAFloat64FallsBackLikeGoDecodingError() {
    assertEquals(Optional.empty(), JsonArgs.parse("[\"a\", 1e999]"));
    assertEquals(Optional.empty(), JsonArgs.parse("[{\"k\": [-1e400]}]"));
    assertThrows(ParseFailure.class, () -> JsonArgs.parse("[1e-999]"));
  }

  @Test
  void emptyArrayIsJsonWithNoArguments() {
    Node n = first("ENTRYPOINT [ ]");
    assertTrue(n.json());
    assertEquals(List.of(), n.args());
  }

  @Test
  void nestingIsLimitedAsInGo() {
    String ok = "[" + "[".repeat(JsonScanner.MAX_DEPTH - 1) + "]".repeat(JsonScanner.MAX_DEPTH - 1) + "]";
    assertThrows(ParseFailure.class, () -> JsonArgs.parse(ok), "valid but not strings");
    String tooDeep = "[" + "[".repeat(JsonScanner.MAX_DEPTH) + "]".repeat(JsonScanner.MAX_DEPTH) + "]";
    assertEquals(Optional.empty(), JsonArgs.parse(tooDeep));
  }

  @Test
  void jsonAttributeIsNotInTheDump() {
    assertEquals(dump("CMD [\"a\"]"), dump("CMD a"));
    assertFalse(first("CMD a").json());
  }
}

package dev.lade.dockerfile.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** moby/patternmatcher's {@code ignorefile} tests, and how a whole file turns into patterns. */
class IgnoreFileTest {
  private static final String CONTENT = """
      test1
      /test2
      /a/file/here

      lastfile
      # this is a comment
      ! /inverted/abs/path
      !
      ! """;

  @Test
  void readAllNormalizesLinesLikeGo() throws IOException {
    List<String> lines = IgnoreFileReader.readAll(new StringReader(CONTENT), ".dockerignore").stream()
        .map(IgnoreFileReader.Line::text).toList();
    assertEquals(List.of("test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path", "!", "!"), lines);
  }

  @Test
  void readAllKeepsLineNumbers() throws IOException {
    List<Integer> numbers = IgnoreFileReader.readAll(new StringReader(CONTENT), ".dockerignore").stream()
        .map(IgnoreFileReader.Line::number).toList();
    assertEquals(List.of(1, 2, 3, 5, 7, 8, 9), numbers);
  }

  @Test
  void loneExclamationIsReportedWithFileAndLine() {
    IgnorePatternException e = assertThrows(IgnorePatternException.class,
        () -> IgnorePatterns.parse(new StringReader(CONTENT), ".dockerignore"));
    assertEquals(".dockerignore:8: illegal exclusion pattern: \"!\"", e.getMessage());
    assertEquals(8, e.line());
  }

  @Test
  void malformedPatternIsReportedWithFileAndLine() {
    IgnorePatternException e = assertThrows(IgnorePatternException.class,
        () -> IgnorePatterns.parse(new StringReader("*.md\nsrc/[a-\n"), "Dockerfile.dockerignore"));
    assertEquals("Dockerfile.dockerignore:2: syntax error in pattern", e.getMessage());
  }

  @Test
  void commentsOnlyInFirstColumnAndCrLfEndings() {
    IgnorePatterns pm = IgnorePatterns.parse(new StringReader("# comment\r\n  #notacomment\r\n*.log\r\n"), "f");
    assertEquals(List.of("#notacomment", "*.log"), pm.patterns().stream().map(IgnorePattern::pattern).toList());
    assertTrue(pm.excludes("#notacomment"));
    assertTrue(pm.excludes("debug.log"));
  }

  @Test
  void byteOrderMarkIsStrippedFromTheFirstLineOnly() {
    byte[] bytes = "\uFEFFnode_modules\n\uFEFFx".getBytes(StandardCharsets.UTF_8);
    IgnorePatterns pm = IgnorePatterns.parse(new ByteArrayInputStream(bytes), ".dockerignore");
    assertEquals(List.of("node_modules", "\uFEFFx"), pm.patterns().stream().map(IgnorePattern::pattern).toList());
  }

  @Test
  void leadingSlashAndDotSegmentsAreCleaned() {
    IgnorePatterns pm = IgnorePatterns.parse(new StringReader("/foo/./bar/\n!  /foo/bar/keep\n../outside\n"), "f");
    assertEquals("foo/bar\n!foo/bar/keep\n../outside", pm.toString());
    assertTrue(pm.excludes("foo/bar/x"));
    assertFalse(pm.excludes("foo/bar/keep"));
  }

  @Test
  void exclamationThenSlashBecomesALoneExclamation() {
    // ReadAll keeps "!/" (a lone "/" is not stripped); patternmatcher.New then cleans it to "!".
    IgnorePatternException e = assertThrows(IgnorePatternException.class,
        () -> IgnorePatterns.parse(new StringReader("!/\n"), ".dockerignore"));
    assertEquals("illegal exclusion pattern: \"!\"", e.reason());
  }

  @Test
  void linesLongerThanGoScannerBufferAreAnError() {
    String ok = "a".repeat(IgnoreFileReader.MAX_LINE_BYTES);
    assertEquals(1, IgnorePatterns.parse(new StringReader(ok + "\n"), "f").patterns().size());
    IgnorePatternException e = assertThrows(IgnorePatternException.class,
        () -> IgnorePatterns.parse(new StringReader("x\n" + ok + "é\n"), ".dockerignore"));
    assertEquals(".dockerignore:2: bufio.Scanner: token too long", e.getMessage());
  }

  @Test
  void readFailureIsUnchecked() {
    Reader failing = new Reader() {
      @Override public int read(char[] b, int off, int len) throws IOException { throw new IOException("read error"); }
      @Override public void close() {}
    };
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> IgnorePatterns.parse(failing, "f"));
    assertTrue(e.getMessage().contains("read error"));
  }

  @Test
  void goWhiteSpaceIsTrimmedButJavaOnlyWhiteSpaceIsNot() {
    // U+00A0 is white space to Go (and trimmed); U+001F is white space only to Java.
    IgnorePatterns pm = IgnorePatterns.parse(new StringReader("\u00A0a\u00A0\n\u001Fb\n"), "f");
    assertEquals(List.of("a", "\u001Fb"), pm.patterns().stream().map(IgnorePattern::pattern).toList());
  }
}

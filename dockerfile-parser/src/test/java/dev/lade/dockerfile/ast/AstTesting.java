package dev.lade.dockerfile.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.dockerfile.parser.DockerfileParseException;
import java.nio.charset.StandardCharsets;

/** Parses Dockerfile text in tests. */
final class AstTesting {
  private AstTesting() {}

  static Dockerfile parse(String text) {
    return Dockerfile.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The single instruction {@code line}, written in a stage after {@code FROM alpine}. */
  static Instruction instruction(String line) {
    return parse("FROM alpine\n" + line + "\n").stages().get(0).instructions().get(0);
  }

  /** {@code line} written after {@code FROM alpine} must fail with {@code reason} on line 2. */
  static DockerfileParseException rejects(String line, String reason) {
    DockerfileParseException e = assertThrows(DockerfileParseException.class,
        () -> parse("FROM alpine\n" + line + "\n"));
    assertEquals(reason, e.reason());
    assertEquals(2, e.line());
    return e;
  }
}

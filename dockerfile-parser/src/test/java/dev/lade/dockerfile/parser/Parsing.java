package dev.lade.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

/** Test shorthands: parse text given as a Java string (encoded as UTF-8). */
final class Parsing {
  private Parsing() {}

  static ParseResult parse(String dockerfile) {
    return Parser.parse(dockerfile.getBytes(StandardCharsets.UTF_8));
  }

  /** The dump of the parsed file. */
  static String dump(String dockerfile) {
    return Dump.dump(parse(dockerfile).root());
  }

  /** The dump of the file's only (or first) instruction. */
  static Node first(String dockerfile) {
    return parse(dockerfile).root().children().get(0);
  }

  static DockerfileParseException failure(String dockerfile) {
    return assertThrows(DockerfileParseException.class, () -> parse(dockerfile));
  }
}

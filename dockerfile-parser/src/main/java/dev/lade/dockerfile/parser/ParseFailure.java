package dev.lade.dockerfile.parser;

/**
 * A syntax error found while parsing one line or instruction; the {@link Parser} adds the location
 * and turns it into a {@link DockerfileParseException}.
 */
final class ParseFailure extends RuntimeException {
  ParseFailure(String reason) {
    super(reason, null, false, false);
  }

  DockerfileParseException at(int line, int column) {
    return new DockerfileParseException(getMessage(), line, column);
  }
}

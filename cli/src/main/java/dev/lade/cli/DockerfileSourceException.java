package dev.lade.cli;

import dev.lade.dockerfile.parser.DockerfileParseException;
import java.nio.charset.StandardCharsets;

/**
 * A malformed Dockerfile together with its text, so the error can show the offending line with a
 * caret under the column.
 */
final class DockerfileSourceException extends RuntimeException {
  private final transient byte[] source;

  DockerfileSourceException(DockerfileParseException cause, byte[] source) {
    super(cause.getMessage(), cause);
    this.source = source;
  }

  DockerfileParseException error() {
    return (DockerfileParseException) getCause();
  }

  /**
   * The offending line and a caret under its column, each line ending in a newline; empty when
   * the line is unknown. Tabs before the column are kept so the caret lines up.
   */
  String excerpt() {
    DockerfileParseException e = error();
    String[] lines = new String(source, StandardCharsets.UTF_8).split("\n", -1);
    if (e.line() < 1 || e.line() > lines.length) return "";
    String line = lines[e.line() - 1];
    if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
    if (e.line() == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
    StringBuilder b = new StringBuilder(line).append('\n');
    if (e.column() > 0) {
      int col = Math.min(e.column() - 1, line.length());
      for (int i = 0; i < col; i++) b.append(line.charAt(i) == '\t' ? '\t' : ' ');
      b.append("^\n");
    }
    return b.toString();
  }
}

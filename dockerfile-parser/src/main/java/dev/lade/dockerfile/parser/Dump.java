package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.text.GoUnicode;
import java.util.List;

/**
 * BuildKit's parser-test dump of a syntax tree ({@code Node.Dump}), byte for byte: one
 * {@code (name ["flag" ...] "arg" ...)} line per instruction, the name lower-cased, values
 * {@link GoQuote Go-quoted}; ONBUILD's nested instruction appears in parentheses. Comments,
 * heredoc bodies, the JSON attribute and line numbers are not shown.
 */
public final class Dump {
  private Dump() {}

  /** The dump of {@code node}; for the root, its instructions one per line, without a final newline. */
  public static String dump(Node node) {
    StringBuilder sb = new StringBuilder();
    sb.append(GoUnicode.toLower(node.value()));
    if (!node.flags().isEmpty()) sb.append(' ').append(quoteList(node.flags()));
    for (Node child : node.children()) sb.append('(').append(dump(child)).append(")\n");
    for (Node arg : node.args()) {
      sb.append(' ');
      if (arg.children().isEmpty()) sb.append(GoQuote.quote(arg.value()));
      else sb.append(dump(arg));
    }
    return GoUnicode.trimSpace(sb.toString());
  }

  /** Go's {@code %q} of a string slice: {@code ["a" "b"]}. */
  private static String quoteList(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) sb.append(' ');
      sb.append(GoQuote.quote(values.get(i)));
    }
    return sb.append(']').toString();
  }
}

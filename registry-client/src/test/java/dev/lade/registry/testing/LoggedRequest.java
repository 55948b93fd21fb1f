package dev.lade.registry.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request as the registry's access log (Apache combined format) records it, once answered.
 *
 * @param method such as {@code PUT}
 * @param target the path and query, such as {@code /v2/lade/app/blobs/uploads/UUID?digest=sha256:...}
 * @param status the status the registry answered with
 */
public record LoggedRequest(String method, String target, int status) {
  private static final Pattern LINE = Pattern.compile("\"([A-Z]+) (\\S+) HTTP/[0-9.]+\" (\\d{3}) ");

  /** The request an access log line records, if it is one. */
  static Optional<LoggedRequest> parse(String line) {
    Matcher m = LINE.matcher(line);
    return m.find() ? Optional.of(new LoggedRequest(m.group(1), m.group(2), Integer.parseInt(m.group(3)))) : Optional.empty();
  }

  /** The target without its query. */
  public String path() {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }
}

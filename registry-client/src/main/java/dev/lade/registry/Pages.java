package dev.lade.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lade.registry.auth.Scope;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Follows the {@code Link: <...>; rel="next"} pagination of tag and catalog lists. */
final class Pages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
  private static final int MAX_PAGE_BYTES = 16 << 20;

  private final RegistrySession session;

  Pages(RegistrySession session) {
    this.session = session;
  }

  /** The strings of array {@code field} over all pages starting at {@code target}. */
  List<String> all(String target, List<Scope> scopes, String operation, String field) throws IOException {
    List<String> values = new ArrayList<>();
    String next = target;
    while (next != null) {
      Page page = page(next, scopes, operation, field);
      values.addAll(page.values());
      next = page.next().map(URI::toString).orElse(null);
    }
    return values;
  }

  /** One page of values and where the next one is. */
  record Page(List<String> values, Optional<URI> next) {}

  Page page(String target, List<Scope> scopes, String operation, String field) throws IOException {
    RegistrySession.Buffered fetched = session.fetch(Call.get(target, scopes, operation), MAX_PAGE_BYTES, 200);
    JsonNode root = JSON.readTree(fetched.body());
    List<String> values = new ArrayList<>();
    JsonNode array = root == null ? null : root.get(field);
    if (array != null && array.isArray()) array.forEach(v -> values.add(v.asText()));
    return new Page(values, next(fetched.reply()));
  }

  private static Optional<URI> next(Reply reply) {
    for (String link : reply.headers("Link")) {
      Matcher matcher = NEXT.matcher(link);
      if (matcher.find()) return Optional.of(reply.url().resolve(matcher.group(1)));
    }
    return Optional.empty();
  }
}

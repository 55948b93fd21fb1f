package dev.lade.registry;

import dev.lade.registry.auth.Scope;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Tag listing ({@code GET /v2/<name>/tags/list}), following {@code Link} pagination. */
public final class Tags {
  private final RegistryClient client;

  Tags(RegistryClient client) {
    this.client = client;
  }

  /** Every tag of {@code repository}, in pages of at most {@code pageSize}. */
  public List<String> list(String repository, int pageSize) throws IOException {
    return pages().all(path(repository, pageSize, null), scopes(repository), operation(repository), "tags");
  }

  /** Every tag of {@code repository}, in pages of the registry's choosing. */
  public List<String> list(String repository) throws IOException {
    return pages().all("/v2/" + repository + "/tags/list", scopes(repository), operation(repository), "tags");
  }

  /**
   * One page: at most {@code n} tags after {@code last} (null for the first page), and whether the
   * registry says there are more.
   */
  public TagPage page(String repository, int n, String last) throws IOException {
    Pages.Page page = pages().page(path(repository, n, last), scopes(repository), operation(repository), "tags");
    return new TagPage(page.values(), page.next().isPresent());
  }

  /** A page of tags. */
  public record TagPage(List<String> tags, boolean more) {
    public TagPage {
      tags = List.copyOf(tags);
    }

    /** The {@code last} to ask for the next page with. */
    public Optional<String> last() {
      return tags.isEmpty() ? Optional.empty() : Optional.of(tags.get(tags.size() - 1));
    }
  }

  private Pages pages() throws IOException {
    return new Pages(client.session());
  }

  private static String path(String repository, int n, String last) {
    if (n < 1) throw new IllegalArgumentException("page size must be positive");
    String path = "/v2/" + repository + "/tags/list?n=" + n;
    return last == null ? path : path + "&last=" + URLEncoder.encode(last, StandardCharsets.UTF_8);
  }

  private static List<Scope> scopes(String repository) {
    return List.of(Scope.pull(repository));
  }

  private static String operation(String repository) {
    return "list tags " + repository;
  }
}

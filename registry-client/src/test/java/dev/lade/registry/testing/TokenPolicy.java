package dev.lade.registry.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a {@link TokenServer} knows, what it lets them do, and how its tokens look.
 *
 * @param users known users by name
 * @param grants what each subject may do; grants to {@link #ANONYMOUS} apply to everyone
 * @param lifetime how long a token works at the registry (and its {@code expires_in})
 * @param oauthPost whether {@code POST} (the OAuth2 form flow) is served; when not, it gets 404 so
 *     that clients fall back to {@code GET}, as against Docker's older token servers
 * @param keyHeader how tokens name their signing key
 */
public record TokenPolicy(
    Map<String, Credentials> users,
    List<AccessGrant> grants,
    Duration lifetime,
    boolean oauthPost,
    SigningKeyHeader keyHeader) {

  /** The subject of requests without credentials; grants to it apply to everyone. */
  public static final String ANONYMOUS = "";

  public TokenPolicy {
    users = Map.copyOf(users);
    grants = List.copyOf(grants);
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(keyHeader, "keyHeader");
  }

  /** No users, no grants, five-minute tokens, OAuth2 POST served, {@code kid} headers. */
  public static TokenPolicy empty() {
    return new TokenPolicy(Map.of(), List.of(), Duration.ofMinutes(5), true, SigningKeyHeader.KID);
  }

  /** {@code user} may pull and push every repository; nobody else may do anything. */
  public static TokenPolicy pushPull(Credentials user) {
    return empty().withUser(user).allow(user.username(), ".*", "pull", "push");
  }

  public TokenPolicy withUser(Credentials user) {
    Map<String, Credentials> more = new HashMap<>(users);
    more.put(user.username(), user);
    return new TokenPolicy(more, grants, lifetime, oauthPost, keyHeader);
  }

  /** Lets {@code subject} do {@code actions} on repositories whose name matches {@code regex}. */
  public TokenPolicy allow(String subject, String repositoryRegex, String... actions) {
    List<AccessGrant> more = new ArrayList<>(grants);
    more.add(
        new AccessGrant(subject, "repository", Pattern.compile(repositoryRegex), Set.of(actions)));
    return new TokenPolicy(users, more, lifetime, oauthPost, keyHeader);
  }

  /** Lets everyone, even without credentials, do {@code actions} on matching repositories. */
  public TokenPolicy allowAnonymous(String repositoryRegex, String... actions) {
    return allow(ANONYMOUS, repositoryRegex, actions);
  }

  public TokenPolicy withLifetime(Duration newLifetime) {
    return new TokenPolicy(users, grants, newLifetime, oauthPost, keyHeader);
  }

  public TokenPolicy withOAuthPost(boolean served) {
    return new TokenPolicy(users, grants, lifetime, served, keyHeader);
  }

  public TokenPolicy withKeyHeader(SigningKeyHeader header) {
    return new TokenPolicy(users, grants, lifetime, oauthPost, header);
  }

  /** Whether {@code credentials} name a known user with the right password. */
  public boolean authenticates(Credentials credentials) {
    return credentials.equals(users.get(credentials.username()));
  }

  /** The part of {@code requested} that {@code subject} may do. */
  public Scope grant(String subject, Scope requested) {
    List<String> allowed =
        requested.actions().stream()
            .filter(
                action ->
                    grants.stream()
                        .anyMatch(
                            g -> g.permits(subject, requested.type(), requested.name(), action)))
            .distinct()
            .toList();
    return new Scope(requested.type(), requested.name(), allowed);
  }
}

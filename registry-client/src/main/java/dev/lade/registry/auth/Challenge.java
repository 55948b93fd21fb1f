package dev.lade.registry.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header, such as {@code Bearer
 * realm="https://auth.docker.io/token",service="registry.docker.io"}.
 *
 * @param scheme the scheme, lower-cased ({@code bearer}, {@code basic})
 * @param parameters the auth-params, names lower-cased
 */
public record Challenge(String scheme, Map<String, String> parameters) {

  public Challenge {
    scheme = scheme.toLowerCase(Locale.ROOT);
    parameters = Map.copyOf(parameters);
  }

  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  public boolean isBasic() {
    return scheme.equals("basic");
  }

  /** The parameter {@code name} (case-insensitive), if present. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The {@code realm}, the token endpoint of a Bearer challenge. */
  public Optional<String> realm() {
    return parameter("realm");
  }

  /** The {@code error} of a Bearer challenge refusing a token, such as {@code invalid_token}. */
  public Optional<String> error() {
    return parameter("error");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Challenge c && scheme.equals(c.scheme) && parameters.equals(c.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, parameters);
  }
}

package dev.lade.oci.reference;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.InvalidDigestException;
import java.util.Locale;

/** distribution/reference's {@code Parse} and {@code ParseNormalizedNamed}, with its errors. */
final class ReferenceParser {
  static final String INVALID_FORMAT = "invalid reference format";
  static final String DEFAULT_DOMAIN = "docker.io";
  static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
  static final String OFFICIAL_REPO_PREFIX = "library/";
  static final int NAME_TOTAL_LENGTH_MAX = 255;

  private ReferenceParser() {}

  /** Go's {@code Parse}: the grammar alone, no Docker Hub normalisation. */
  static Reference parse(String s) {
    if (s.isEmpty()) throw error(s, "repository name must have at least one component");
    ReferenceGrammar.Parts parts = ReferenceGrammar.split(s);
    if (parts == null) {
      String lower = s.toLowerCase(Locale.ROOT);
      if (!lower.equals(s) && ReferenceGrammar.split(lower) != null) {
        throw error(s, "repository name must be lowercase");
      }
      throw error(s, null);
    }
    String[] name = ReferenceGrammar.splitName(parts.name());
    if (name[1].length() > NAME_TOTAL_LENGTH_MAX) throw tooLong(s);
    Digest digest = null;
    if (parts.digest() != null) {
      try {
        digest = Digest.parse(parts.digest());
      } catch (InvalidDigestException e) {
        throw error(s, e.getMessage());
      }
    }
    return new Reference(name[0], name[1], parts.tag(), digest);
  }

  /** Go's {@code ParseNormalizedNamed}: {@code busybox} is {@code docker.io/library/busybox}. */
  static Reference parseNormalized(String s) {
    if (ReferenceGrammar.isIdentifier(s)) {
      throw error(s, "invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
    }
    String[] split = splitDockerDomain(s);
    String remainder = split[1];
    int colon = remainder.indexOf(':');
    String remote = colon < 0 ? remainder : remainder.substring(0, colon);
    if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
      throw error(s, "repository name (" + remote + ") must be lowercase");
    }
    try {
      return parse(split[0] + "/" + remainder);
    } catch (InvalidReferenceException e) {
      throw new InvalidReferenceException(s, e.getMessage());
    }
  }

  /** Splits off the domain, defaulting to Docker Hub and its {@code library/} namespace. */
  private static String[] splitDockerDomain(String name) {
    int slash = name.indexOf('/');
    if (slash < 0) return new String[] {DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name};
    String maybeDomain = name.substring(0, slash);
    String maybeRemote = name.substring(slash + 1);
    String domain;
    String remote;
    if (maybeDomain.equals("localhost")) {
      domain = maybeDomain;
      remote = maybeRemote;
    } else if (maybeDomain.equals(LEGACY_DEFAULT_DOMAIN)) {
      domain = DEFAULT_DOMAIN;
      remote = maybeRemote;
    } else if (maybeDomain.contains(".") || maybeDomain.contains(":")
        || !maybeDomain.toLowerCase(Locale.ROOT).equals(maybeDomain)) {
      // A dot or a colon means a host name, IP address or port; upper case cannot be a namespace.
      domain = maybeDomain;
      remote = maybeRemote;
    } else {
      domain = DEFAULT_DOMAIN;
      remote = name;
    }
    if (domain.equals(DEFAULT_DOMAIN) && !remote.contains("/")) remote = OFFICIAL_REPO_PREFIX + remote;
    return new String[] {domain, remote};
  }

  static InvalidReferenceException tooLong(String input) {
    return error(input, "repository name must not be more than " + NAME_TOTAL_LENGTH_MAX + " characters");
  }

  /** An error whose message starts with "invalid reference format" (a null reason is just that). */
  static InvalidReferenceException error(String input, String reason) {
    return new InvalidReferenceException(input, reason == null ? INVALID_FORMAT : INVALID_FORMAT + ": " + reason);
  }
}

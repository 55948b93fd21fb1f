package dev.lade.dockerfile.lint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a string is an image reference that Docker's {@code reference.ParseNormalizedNamed}
 * accepts, e.g. {@code busybox:1.36} or {@code ghcr.io/o/r@sha256:...}; {@code busybox:} is not.
 */
final class ImageReferenceSyntax {
  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[(?:[a-fA-F0-9:]+)\\])";
  private static final String NAME =
      "(?:" + HOST + "(?::[0-9]+)?/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:([0-9a-fA-F]{32,})";
  private static final Pattern REFERENCE =
      Pattern.compile("^(" + NAME + ")(?::" + TAG + ")?(?:@(" + DIGEST + "))?$");
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-f0-9]{64}$");
  private static final int NAME_MAX = 255;

  private ImageReferenceSyntax() {}

  static boolean isValid(String ref) {
    if (IDENTIFIER.matcher(ref).matches()) return false;
    String[] domainAndRest = splitDockerDomain(ref);
    String rest = domainAndRest[1];
    int colon = rest.indexOf(':');
    String remoteName = colon >= 0 ? rest.substring(0, colon) : rest;
    if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) return false;
    Matcher m = REFERENCE.matcher(domainAndRest[0] + "/" + rest);
    if (!m.matches() || m.group(1).length() > NAME_MAX) return false;
    return m.group(2) == null || knownDigest(m.group(2));
  }

  private static boolean knownDigest(String digest) {
    int colon = digest.indexOf(':');
    int hex = digest.length() - colon - 1;
    return switch (digest.substring(0, colon)) {
      case "sha256" -> hex == 64;
      case "sha384" -> hex == 96;
      case "sha512" -> hex == 128;
      default -> false;
    };
  }

  /** Docker Hub is the default registry and {@code library/} its default namespace. */
  private static String[] splitDockerDomain(String name) {
    int slash = name.indexOf('/');
    String domain;
    String rest;
    if (slash < 0 || isPlainPathComponent(name.substring(0, slash))) {
      domain = "docker.io";
      rest = name;
    } else {
      domain = name.substring(0, slash);
      rest = name.substring(slash + 1);
    }
    if (domain.equals("index.docker.io")) domain = "docker.io";
    if (domain.equals("docker.io") && rest.indexOf('/') < 0) rest = "library/" + rest;
    return new String[] {domain, rest};
  }

  private static boolean isPlainPathComponent(String first) {
    return first.indexOf('.') < 0 && first.indexOf(':') < 0 && !first.equals("localhost")
        && first.toLowerCase(Locale.ROOT).equals(first);
  }
}

package dev.lade.oci.reference;

import java.util.regex.Pattern;

/**
 * The grammar of distribution/reference's regexp.go, checked by hand rather than with one big
 * regular expression: Java's backtracking engine recurses once per repetition of a group and
 * overflows its stack on long names, while these checks are linear. They accept exactly what the
 * Go expressions accept:
 *
 * <pre>
 * reference        := name [ ":" tag ] [ "@" digest ]
 * name             := [domain '/'] remote-name
 * domain           := host [':' port-number]
 * host             := domain-name | '[' IPv6 hex and colons ']'
 * domain-name      := domain-component ['.' domain-component]*
 * domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
 * remote-name      := path-component ['/' path-component]*
 * path-component   := /[a-z0-9]+/ [separator /[a-z0-9]+/]*
 * separator        := /[_.]|__|[-]+/
 * tag              := /[\w][\w.-]{0,127}/
 * digest           := algorithm-component [/[-_+.]/ algorithm-component]* ':' /[0-9a-fA-F]{32,}/
 * </pre>
 */
final class ReferenceGrammar {
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern ALGORITHM_COMPONENT = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32,}");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern IPV6 = Pattern.compile("\\[[a-fA-F0-9:]+\\]");
  private static final Pattern PORT = Pattern.compile("[0-9]+");
  private static final Pattern DOMAIN_COMPONENT =
      Pattern.compile("[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]");

  private ReferenceGrammar() {}

  /** A reference split into its parts, before validation of the name. */
  record Parts(String name, String tag, String digest) {}

  /**
   * Splits {@code s} as the anchored reference expression would, or returns null if it does not
   * match. Tags and digests cannot hold {@code /} or {@code @}, and a colon in a name only occurs
   * in its domain, before a slash; so the split is unambiguous.
   */
  static Parts split(String s) {
    int at = s.indexOf('@');
    String rest = at < 0 ? s : s.substring(0, at);
    String digest = at < 0 ? null : s.substring(at + 1);
    int colon = rest.lastIndexOf(':');
    String tag = null;
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    if (tag != null && !isTag(tag)) return null;
    if (digest != null && !isDigestLike(digest)) return null;
    if (splitName(rest) == null) return null;
    return new Parts(rest, tag == null ? "" : tag, digest);
  }

  /**
   * Splits a name into {domain, path}, the domain empty if absent, or returns null. As with Go's
   * greedy optional group, the first component is the domain whenever it can be.
   */
  static String[] splitName(String name) {
    int slash = name.indexOf('/');
    if (slash >= 0 && isDomain(name.substring(0, slash)) && isRemoteName(name.substring(slash + 1))) {
      return new String[] {name.substring(0, slash), name.substring(slash + 1)};
    }
    return isRemoteName(name) ? new String[] {"", name} : null;
  }

  static boolean isTag(String tag) {
    return TAG.matcher(tag).matches();
  }

  static boolean isIdentifier(String s) {
    return IDENTIFIER.matcher(s).matches();
  }

  static boolean isDomain(String domain) {
    String host = domain;
    int portColon = domain.startsWith("[") ? domain.indexOf(':', domain.indexOf(']') + 1) : domain.indexOf(':');
    if (portColon >= 0) {
      if (!PORT.matcher(domain.substring(portColon + 1)).matches()) return false;
      host = domain.substring(0, portColon);
    }
    if (host.startsWith("[")) return IPV6.matcher(host).matches();
    for (String component : host.split("\\.", -1)) {
      if (!DOMAIN_COMPONENT.matcher(component).matches()) return false;
    }
    return true;
  }

  static boolean isRemoteName(String path) {
    for (String component : path.split("/", -1)) {
      if (!isPathComponent(component)) return false;
    }
    return true;
  }

  /** Runs of {@code [a-z0-9]} joined by {@code .}, {@code _}, {@code __} or dashes. */
  private static boolean isPathComponent(String component) {
    int i = 0;
    int n = component.length();
    while (true) {
      int start = i;
      while (i < n && isLowerAlphanumeric(component.charAt(i))) i++;
      if (i == start) return false; // every run of separators must sit between alphanumerics
      if (i == n) return true;
      int separatorStart = i;
      while (i < n && !isLowerAlphanumeric(component.charAt(i))) i++;
      if (!isSeparator(component.substring(separatorStart, i))) return false;
    }
  }

  private static boolean isSeparator(String s) {
    return s.equals(".") || s.equals("_") || s.equals("__") || s.chars().allMatch(c -> c == '-');
  }

  private static boolean isLowerAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isDigestLike(String digest) {
    int colon = digest.indexOf(':');
    if (colon < 0 || !HEX.matcher(digest.substring(colon + 1)).matches()) return false;
    String algorithm = digest.substring(0, colon);
    int start = 0;
    for (int i = 0; i <= algorithm.length(); i++) {
      if (i == algorithm.length() || "-_+.".indexOf(algorithm.charAt(i)) >= 0) {
        if (!ALGORITHM_COMPONENT.matcher(algorithm.substring(start, i)).matches()) return false;
        start = i + 1;
      }
    }
    return true;
  }
}

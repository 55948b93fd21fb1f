package dev.lade.dockerfile.shell;

/**
 * Go's {@code Regexp.Expand} for a pattern without groups, which BuildKit's replace-all applies to the replacement:
 * {@code $$} is a dollar, {@code $0} / {@code ${0}} the matched text, any other {@code $name} / {@code ${name}} nothing,
 * and a {@code $} not followed by a name stays as it is.
 */
final class ReplacementTemplate {
  private ReplacementTemplate() {}

  static String expand(String template, String match) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (true) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < n && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      int[] ref = reference(template, i);
      if (ref == null) {
        out.append('$');
        continue;
      }
      if (template.substring(ref[0], ref[1]).equals("0")) {
        out.append(match);
      }
      i = ref[2];
    }
    return out.append(template, i, n).toString();
  }

  /** {@code [nameStart, nameEnd, restStart]} of a {@code name} or {@code {name}} at {@code i}, or null if malformed. */
  private static int[] reference(String t, int i) {
    int n = t.length();
    if (i >= n) {
      return null;
    }
    boolean brace = t.charAt(i) == '{';
    int start = brace ? i + 1 : i;
    int j = start;
    while (j < n) {
      int cp = t.codePointAt(j);
      if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
        break;
      }
      j += Character.charCount(cp);
    }
    if (j == start) {
      return null;
    }
    if (!brace) {
      return new int[] {start, j, j};
    }
    if (j >= n || t.charAt(j) != '}') {
      return null;
    }
    return new int[] {start, j, j + 1};
  }
}

package dev.lade.dockerfile.fuzz;

import java.nio.charset.StandardCharsets;

/** Builders for big adversarial inputs. */
final class Shapes {
  static final int MB = 1 << 20;

  private Shapes() {}

  /**
   * A logical line of any length spread over 1000-character physical lines joined by
   * {@code \}-newline continuations, which the parser removes; so the line limit does not apply.
   */
  static String continued(String logical) {
    StringBuilder sb = new StringBuilder(logical.length() + logical.length() / 500);
    for (int i = 0; i < logical.length(); i += 1000) {
      sb.append(logical, i, Math.min(logical.length(), i + 1000));
      if (i + 1000 < logical.length()) sb.append("\\\n");
    }
    return sb.append('\n').toString();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

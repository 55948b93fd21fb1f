package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoQuote;
import java.util.Optional;
import java.util.OptionalLong;

/** Go's {@code strconv.ParseBool} and {@code strconv.ParseUint(s, base, 32)}. */
final class GoStrconv {
  private GoStrconv() {}

  /** The bool {@code s} spells, or empty if Go would reject it. */
  static Optional<Boolean> parseBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
      case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /**
   * An unsigned 32-bit number in {@code radix} (8 or 10): digits only, no sign, no prefix, no
   * underscores; empty if Go would reject it.
   */
  static OptionalLong parseUint32(String s, int radix) {
    if (s.isEmpty()) return OptionalLong.empty();
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      int d = Character.digit(s.charAt(i), radix);
      if (d < 0 || s.charAt(i) > 0x7F) return OptionalLong.empty();
      n = n * radix + d;
      if (n > 0xFFFF_FFFFL) return OptionalLong.empty();
    }
    return OptionalLong.of(n);
  }

  /**
   * Go's {@code strconv.ParseInt(s, 10, 32)}: an optional sign and decimal digits.
   *
   * @throws IllegalArgumentException with Go's message, e.g.
   *     {@code strconv.ParseInt: parsing "x": invalid syntax}
   */
  static int parseInt32(String s) {
    int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    if (i == s.length()) throw numError(s, "invalid syntax");
    long n = 0;
    boolean overflow = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') throw numError(s, "invalid syntax");
      n = Math.min(n * 10 + (c - '0'), 1L << 40);
      overflow |= n > (1L << 31);
    }
    long value = s.startsWith("-") ? -n : n;
    if (overflow || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw numError(s, "value out of range");
    }
    return (int) value;
  }

  private static IllegalArgumentException numError(String s, String what) {
    return new IllegalArgumentException("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": " + what);
  }
}

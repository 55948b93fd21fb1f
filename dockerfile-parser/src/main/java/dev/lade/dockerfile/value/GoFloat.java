package dev.lade.dockerfile.value;

/**
 * Go's {@code strconv.ParseFloat(s, 64)} for finite numbers: decimal ({@code 1.5}, {@code .5},
 * {@code 1.}, {@code 2e3}) and hexadecimal with a binary exponent ({@code 0x1p-2}), optionally
 * signed. Java's own parser accepts more ({@code 1d}, {@code 0x1}), so the syntax is checked here.
 */
final class GoFloat {
  private GoFloat() {}

  /** The value, or an exception worded as Go's {@code *strconv.NumError}. */
  static double parse(String s) {
    if (!isWellFormed(s)) throw error(s, "invalid syntax");
    double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) throw error(s, "value out of range");
    return v;
  }

  private static InvalidValueException error(String s, String why) {
    return new InvalidValueException("strconv.ParseFloat: parsing \"" + s + "\": " + why, s);
  }

  static boolean isWellFormed(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
    boolean hex = n - i > 2 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X');
    if (hex) i += 2;
    int digits = 0;
    boolean dot = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '.' && !dot) {
        dot = true;
      } else if (hex ? Character.digit(c, 16) >= 0 && c < 0x80 : c >= '0' && c <= '9') {
        digits++;
      } else {
        break;
      }
    }
    if (digits == 0) return false;
    char exp = hex ? 'p' : 'e';
    if (i < n && Character.toLowerCase(s.charAt(i)) == exp) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
      int expDigits = 0;
      for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) expDigits++;
      if (expDigits == 0) return false;
    } else if (hex) {
      return false; // a hexadecimal mantissa needs a 'p' exponent
    }
    return i == n;
  }
}

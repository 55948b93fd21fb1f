package dev.lade.dockerfile.value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Durations written as Go's {@code time.ParseDuration} reads them ({@code 1h30m}, {@code 300ms},
 * {@code 1.5s}, {@code -1m}, {@code 0}), as {@code HEALTHCHECK --interval} and friends use.
 *
 * <p>Units are {@code ns us µs μs ms s m h}; every number needs a unit except a lone {@code 0}.
 */
public final class GoDuration {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
      "s", NANOS_PER_SECOND, "m", 60 * NANOS_PER_SECOND, "h", 3600 * NANOS_PER_SECOND);
  private static final long LIMIT = Long.MIN_VALUE; // 1<<63 as an unsigned value

  private GoDuration() {}

  /**
   * Parses like {@code time.ParseDuration}, with nanosecond precision and Go's range (about ±292
   * years).
   *
   * @throws InvalidValueException with Go's message, e.g. {@code time: missing unit in duration "1"}
   */
  public static Duration parse(String s) {
    String orig = s;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) return Duration.ZERO;
    if (s.isEmpty()) throw invalid(orig);
    long d = 0; // unsigned, at most 1<<63
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || isDigit(c))) throw invalid(orig);
      int start = i;
      long v = 0;
      for (; i < s.length() && isDigit(s.charAt(i)); i++) {
        if (Long.compareUnsigned(v, Long.divideUnsigned(LIMIT, 10)) > 0) throw invalid(orig);
        v = v * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(v, LIMIT) > 0) throw invalid(orig);
      }
      boolean pre = i != start;
      long f = 0;
      double scale = 1;
      boolean post = false;
      if (i < s.length() && s.charAt(i) == '.') {
        int fracStart = ++i;
        boolean overflow = false;
        for (; i < s.length() && isDigit(s.charAt(i)); i++) {
          if (overflow) continue;
          long y = f * 10 + (s.charAt(i) - '0');
          if (f > Long.MAX_VALUE / 10 || Long.compareUnsigned(y, LIMIT) > 0) {
            overflow = true; // further digits add no precision
            continue;
          }
          f = y;
          scale *= 10;
        }
        post = i != fracStart;
      }
      if (!pre && !post) throw invalid(orig);
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) i++;
      if (i == unitStart) throw new InvalidValueException("time: missing unit in duration " + quote(orig), orig);
      String u = s.substring(unitStart, i);
      Long unit = UNITS.get(u);
      if (unit == null) {
        throw new InvalidValueException("time: unknown unit " + quote(u) + " in duration " + quote(orig), orig);
      }
      if (Long.compareUnsigned(v, Long.divideUnsigned(LIMIT, unit)) > 0) throw invalid(orig);
      v *= unit;
      if (f > 0) {
        // Go computes the fraction in float64; so do we, to round the same way.
        v += (long) ((double) f * ((double) unit / scale));
        if (Long.compareUnsigned(v, LIMIT) > 0) throw invalid(orig);
      }
      d += v;
      if (Long.compareUnsigned(d, LIMIT) > 0) throw invalid(orig);
    }
    if (neg) return Duration.ofNanos(-d); // -(1<<63) wraps to itself, as in Go
    if (d == LIMIT) throw invalid(orig);
    return Duration.ofNanos(d);
  }

  /**
   * Go's {@code Duration.String}: {@code 1h30m0s}, {@code 1.5s}, {@code 300ms}, {@code 0s}.
   *
   * @throws ArithmeticException when the duration is outside Go's range
   */
  public static String format(Duration duration) {
    long d = duration.toNanos();
    long u = d < 0 ? -d : d; // unsigned for Long.MIN_VALUE
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, NANOS_PER_SECOND) < 0) {
      if (u == 0) return "0s";
      String unit;
      int prec;
      if (u < 1_000) {
        unit = "ns";
        prec = 0;
      } else if (u < 1_000_000) {
        unit = "µs";
        prec = 3;
      } else {
        unit = "ms";
        prec = 6;
      }
      out.append(Long.toUnsignedString(pow10Quotient(u, prec))).append(fraction(u, prec)).append(unit);
    } else {
      long secs = Long.divideUnsigned(u, NANOS_PER_SECOND);
      String frac = fraction(u, 9);
      long h = secs / 3600;
      long m = secs / 60 % 60;
      if (h > 0) out.append(h).append('h');
      if (h > 0 || m > 0) out.append(m).append('m');
      out.append(secs % 60).append(frac).append('s');
    }
    return (d < 0 ? "-" : "") + out;
  }

  private static long pow10Quotient(long v, int prec) {
    long p = 1;
    for (int i = 0; i < prec; i++) p *= 10;
    return Long.divideUnsigned(v, p);
  }

  /** {@code .123} for the {@code prec} low decimal digits of {@code v}, without trailing zeros. */
  private static String fraction(long v, int prec) {
    StringBuilder digits = new StringBuilder();
    boolean print = false;
    for (int i = 0; i < prec; i++) {
      long digit = Long.remainderUnsigned(v, 10);
      print = print || digit != 0;
      if (print) digits.append((char) ('0' + digit));
      v = Long.divideUnsigned(v, 10);
    }
    return print ? "." + digits.reverse() : "";
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static InvalidValueException invalid(String orig) {
    return new InvalidValueException("time: invalid duration " + quote(orig), orig);
  }

  /** Go's {@code time.quote}: non-ASCII and control bytes as {@code \xNN}. */
  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c >= 0x80 || c < ' ') {
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          out.append(String.format("\\x%02x", b & 0xFF));
        }
      } else {
        if (c == '"' || c == '\\') out.append('\\');
        out.append((char) c);
      }
    }
    return out.append('"').toString();
  }
}

package dev.lade.dockerfile.value;

import java.util.Locale;

/**
 * A size in bytes as Docker reads it ({@code docker/go-units} {@code RAMInBytes}): a number,
 * optionally fractional, then an optional space and a case-insensitive binary suffix {@code k m g
 * t p} (powers of 1024) with an optional {@code b} or {@code ib}: {@code 64m}, {@code 1g}, {@code
 * 1024}, {@code 512k}, {@code 1.5GB}. Used by {@code --mount=type=tmpfs,size=} and {@code
 * --shm-size}. The result is truncated to whole bytes.
 */
public record ByteSize(long bytes) {
  private static final String SUFFIXES = "kmgtp";

  public ByteSize {
    if (bytes < 0) throw new InvalidValueException("invalid size: '" + bytes + "'", Long.toString(bytes));
  }

  /**
   * Parses like {@code units.RAMInBytes}.
   *
   * @throws InvalidValueException with go-units' messages: {@code invalid size: '-32'}, {@code
   *     invalid suffix: 'x'}, or the {@code strconv.ParseFloat} error for a malformed number
   */
  public static ByteSize parse(String text) {
    int sep = lastIndexOfAny(text, "0123456789. ");
    if (sep < 0) throw invalidSize(text); // there must be at least a digit
    String num = text.charAt(sep) == ' ' ? text.substring(0, sep) : text.substring(0, sep + 1);
    String suffix = text.substring(sep + 1);
    double size = GoFloat.parse(num);
    if (size < 0) throw invalidSize(text);
    if (suffix.isEmpty()) return of(size, text);
    if (suffix.length() > 3) throw invalidSuffix(suffix, text);
    String sfx = suffix.toLowerCase(Locale.ROOT);
    if (sfx.charAt(0) == 'b') {
      if (sfx.length() > 1) throw invalidSuffix(sfx, text);
      return of(size, text);
    }
    int power = SUFFIXES.indexOf(sfx.charAt(0)) + 1;
    if (power == 0) throw invalidSuffix(sfx, text);
    if ((sfx.length() == 2 && sfx.charAt(1) != 'b') || (sfx.length() == 3 && !sfx.substring(1).equals("ib"))) {
      throw invalidSuffix(sfx, text);
    }
    return of(size * (double) (1L << (10 * power)), text);
  }

  /** Go converts with {@code int64(size)}; values beyond that range are refused here. */
  private static ByteSize of(double size, String text) {
    if (size >= 0x1p63) throw invalidSize(text);
    return new ByteSize((long) size);
  }

  /** The exact size with the largest binary suffix that divides it: {@code 64m}, {@code 1536k}, {@code 1000}. */
  @Override public String toString() {
    for (int power = SUFFIXES.length(); power > 0; power--) {
      long unit = 1L << (10 * power);
      if (bytes != 0 && bytes % unit == 0) return bytes / unit + String.valueOf(SUFFIXES.charAt(power - 1));
    }
    return Long.toString(bytes);
  }

  private static int lastIndexOfAny(String s, String chars) {
    for (int i = s.length() - 1; i >= 0; i--) if (chars.indexOf(s.charAt(i)) >= 0) return i;
    return -1;
  }

  private static InvalidValueException invalidSize(String text) {
    return new InvalidValueException("invalid size: '" + text + "'", text);
  }

  private static InvalidValueException invalidSuffix(String sfx, String text) {
    return new InvalidValueException("invalid suffix: '" + sfx + "'", text);
  }
}

package dev.lade.runner.container;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as docker's flags take them ({@code --memory 64m}): a number and an optional binary unit b, k, m, g, t, p. */
public final class ByteSize {

  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([bkmgtp]?)b?", Pattern.CASE_INSENSITIVE);
  private static final String UNITS = "bkmgtp";

  private ByteSize() {}

  /** The number of bytes {@code text} means. */
  public static long parse(String text) throws InvalidContainerException {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      throw new InvalidContainerException("invalid size: '" + text + "'");
    }
    String unit = matcher.group(2).toLowerCase(Locale.ROOT);
    int power = unit.isEmpty() ? 0 : UNITS.indexOf(unit);
    return (long) (Double.parseDouble(matcher.group(1)) * Math.pow(1024, power));
  }
}

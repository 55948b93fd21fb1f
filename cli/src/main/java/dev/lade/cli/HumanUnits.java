package dev.lade.cli;

import java.time.Duration;
import java.util.Locale;

/** Sizes and ages the way Docker's CLI shows them (go-units: decimal units, "2 hours ago"). */
final class HumanUnits {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

  private HumanUnits() {}

  /** {@code 4.26MB}: go-units HumanSize, four significant digits, decimal units. */
  static String size(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    String digits = String.format(Locale.ROOT, "%.4g", value);
    if (digits.contains(".")) digits = digits.replaceAll("0+$", "").replaceAll("\\.$", "");
    return digits + UNITS[unit];
  }

  /** {@code 2 hours ago}: go-units HumanDuration plus " ago". */
  static String ago(Duration d) {
    return duration(d) + " ago";
  }

  /** {@code 2 hours}: go-units HumanDuration. */
  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 1) return "Less than a second";
    if (s == 1) return "1 second";
    if (s < 60) return s + " seconds";
    long m = d.toMinutes();
    if (m == 1) return "About a minute";
    if (m < 60) return m + " minutes";
    long h = Math.round(d.toMinutes() / 60.0);
    if (h == 1) return "About an hour";
    if (h < 48) return h + " hours";
    if (h < 24 * 7 * 2) return h / 24 + " days";
    if (h < 24 * 30 * 2) return h / 24 / 7 + " weeks";
    if (h < 24 * 365 * 2) return h / 24 / 30 + " months";
    return h / 24 / 365 + " years";
  }
}

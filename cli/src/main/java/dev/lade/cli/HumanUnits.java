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
    long s = Math.max(0, d.toSeconds());
    if (s < 1) return "Less than a second ago";
    if (s == 1) return "1 second ago";
    if (s < 60) return s + " seconds ago";
    long m = d.toMinutes();
    if (m == 1) return "About a minute ago";
    if (m < 60) return m + " minutes ago";
    long h = Math.round(d.toMinutes() / 60.0);
    if (h == 1) return "About an hour ago";
    if (h < 48) return h + " hours ago";
    if (h < 24 * 7 * 2) return h / 24 + " days ago";
    if (h < 24 * 30 * 2) return h / 24 / 7 + " weeks ago";
    if (h < 24 * 365 * 2) return h / 24 / 30 + " months ago";
    return h / 24 / 365 + " years ago";
  }
}

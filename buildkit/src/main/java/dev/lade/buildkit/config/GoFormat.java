package dev.lade.buildkit.config;

import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.value.GoDuration;
import dev.lade.oci.image.Healthcheck;
import java.util.List;
import java.util.stream.Collectors;

/** Go's {@code fmt} renderings that BuildKit's history entries are made with. */
final class GoFormat {
  private GoFormat() {}

  /** {@code %v} of a {@code []string}: {@code [a b c]}. */
  static String list(List<String> values) {
    return "[" + String.join(" ", values) + "]";
  }

  /** {@code %q} of a {@code []string}: {@code ["a" "b c"]}. */
  static String quotedList(List<String> values) {
    return values.stream().map(GoQuote::quote).collect(Collectors.joining(" ", "[", "]"));
  }

  /** {@code %+v} of a {@code HealthcheckConfig}. */
  static String healthcheck(Healthcheck h) {
    return "{Test:" + list(h.test())
        + " Interval:" + GoDuration.format(h.interval())
        + " Timeout:" + GoDuration.format(h.timeout())
        + " StartPeriod:" + GoDuration.format(h.startPeriod())
        + " StartInterval:" + GoDuration.format(h.startInterval())
        + " Retries:" + h.retries() + "}";
  }
}

package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.value.GoDuration;
import dev.lade.dockerfile.value.InvalidValueException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code HEALTHCHECK NONE} or {@code HEALTHCHECK [options] CMD command}. */
final class HealthcheckParser {
  private static final Duration MINIMUM = Duration.ofMillis(1);
  private static final FlagSpec FLAGS = new FlagSpec().string("interval").string("timeout")
      .string("start-period").string("start-interval").string("retries");

  private HealthcheckParser() {}

  static Healthcheck healthcheck(InstructionRequest req) {
    if (req.args().isEmpty()) throw InvalidInstructionException.atLeastOneArgument("HEALTHCHECK");
    String type = req.args().get(0).toUpperCase(Locale.ROOT);
    List<String> rest = req.args().subList(1, req.args().size());
    if (type.equals("NONE")) {
      // As BuildKit: NONE's flags are not looked at.
      if (!rest.isEmpty()) throw new InvalidInstructionException("HEALTHCHECK NONE takes no arguments");
      return new Healthcheck(Optional.empty(), Duration.ZERO, Duration.ZERO, Duration.ZERO,
          Duration.ZERO, 0, req.location(), req.code());
    }
    ParsedFlags f = req.parseFlags(FLAGS);
    if (!type.equals("CMD")) {
      throw new InvalidInstructionException(
          "Unknown type " + GoQuote.quote(type) + " in HEALTHCHECK (try CMD)", req.args().get(0));
    }
    if (rest.isEmpty()) throw new InvalidInstructionException("Missing command after HEALTHCHECK CMD");
    CommandLine test = req.json()
        ? new CommandLine.ExecForm(rest)
        : new CommandLine.ShellForm(String.join(" ", rest));
    return new Healthcheck(Optional.of(test), interval(f, "interval"), interval(f, "timeout"),
        interval(f, "start-period"), interval(f, "start-interval"), retries(f), req.location(),
        req.code());
  }

  /** Unset or zero means "not set"; otherwise at least 1ms. */
  private static Duration interval(ParsedFlags f, String name) {
    String value = f.string(name).orElse("");
    if (value.isEmpty()) return Duration.ZERO;
    Duration d;
    try {
      d = GoDuration.parse(value);
    } catch (InvalidValueException e) {
      throw new InvalidInstructionException(e.getMessage(), "--" + name);
    }
    if (d.isZero()) return Duration.ZERO;
    if (d.compareTo(MINIMUM) < 0) {
      throw new InvalidInstructionException(
          "Interval " + GoQuote.quote(name) + " cannot be less than 1ms", "--" + name);
    }
    return d;
  }

  private static int retries(ParsedFlags f) {
    String value = f.string("retries").orElse("");
    if (value.isEmpty()) return 0;
    int retries;
    try {
      retries = GoStrconv.parseInt32(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInstructionException(e.getMessage(), "--retries");
    }
    if (retries < 0) {
      throw new InvalidInstructionException("--retries cannot be negative (" + retries + ")", "--retries");
    }
    return retries;
  }
}

package dev.lade.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive duration written as Go and Docker write them: {@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 2h}. */
final class DurationArgument implements ITypeConverter<Duration> {
  private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String value) {
    if (!WHOLE.matcher(value).matches()) {
      throw new TypeConversionException("\"" + value + "\" is no duration (such as 500ms, 30s, 1m30s, 2h)");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(value);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total = total.plus(switch (part.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      });
    }
    if (total.isZero()) throw new TypeConversionException("\"" + value + "\" is no duration above zero");
    return total;
  }
}

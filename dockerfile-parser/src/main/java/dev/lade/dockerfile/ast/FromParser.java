package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoQuote;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code FROM [--platform=P] IMAGE [AS NAME]}. */
final class FromParser {
  private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9_.\\-]*");
  private static final FlagSpec FLAGS = new FlagSpec().string("platform");

  private FromParser() {}

  static From from(InstructionRequest req) {
    Optional<String> name = stageName(req.args());
    ParsedFlags flags = req.parseFlags(FLAGS);
    return new From(req.args().get(0), name, flags.string("platform"), req.location(), req.code());
  }

  /** Either {@code IMAGE} or {@code IMAGE AS NAME} (any case of {@code AS}); names are lower-cased. */
  private static Optional<String> stageName(List<String> args) {
    if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
      String name = args.get(2).toLowerCase(Locale.ROOT);
      if (!STAGE_NAME.matcher(name).matches()) {
        throw new InvalidInstructionException("invalid name for build stage: " + GoQuote.quote(args.get(2))
            + ", name can't start with a number or contain symbols", args.get(2));
      }
      return Optional.of(name);
    }
    if (args.size() != 1) {
      throw new InvalidInstructionException("FROM requires either one or three arguments");
    }
    return Optional.empty();
  }
}

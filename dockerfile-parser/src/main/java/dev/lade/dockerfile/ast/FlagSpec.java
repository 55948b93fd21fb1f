package dev.lade.dockerfile.ast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags one instruction accepts, and their parser: BuildKit's {@code BFlags}.
 *
 * <p>Flags come as extracted by the parser ({@code --name=value} or {@code --name}). A bool flag
 * takes no value or {@code =true}/{@code =false} (any case); a string flag needs {@code =value}
 * (which may be empty) and may be given once; a string-list flag may be repeated. A bare
 * {@code --} ends the flags.
 */
final class FlagSpec {
  enum Kind { BOOL, STRING, STRINGS }

  private final Map<String, Kind> declared = new LinkedHashMap<>();

  FlagSpec bool(String name) {
    declared.put(name, Kind.BOOL);
    return this;
  }

  FlagSpec string(String name) {
    declared.put(name, Kind.STRING);
    return this;
  }

  FlagSpec strings(String name) {
    declared.put(name, Kind.STRINGS);
    return this;
  }

  /** Parses {@code flags} against this spec; the first problem is thrown with BuildKit's message. */
  ParsedFlags parse(List<String> flags) {
    ParsedFlags parsed = new ParsedFlags();
    for (String raw : flags) {
      if (raw.equals("--")) break;
      if (!raw.startsWith("--")) {
        throw new InvalidInstructionException("arg should start with -- : " + raw, raw);
      }
      int eq = raw.indexOf('=');
      String flagName = eq < 0 ? raw : raw.substring(0, eq);
      String value = eq < 0 ? "" : raw.substring(eq + 1);
      String name = flagName.substring(2);
      Kind kind = declared.get(name);
      if (kind == null) {
        String message = Suggest.withSuggestion(
            "unknown flag: " + flagName, name, new ArrayList<>(declared.keySet()), true);
        throw new InvalidInstructionException(message, raw);
      }
      if (parsed.isUsed(name) && kind != Kind.STRINGS) {
        throw new InvalidInstructionException("duplicate flag specified: " + flagName, raw);
      }
      switch (kind) {
        case BOOL -> parsed.put(name, boolValue(flagName, value, eq >= 0, raw));
        case STRING -> parsed.put(name, requireValue(flagName, value, eq >= 0, raw));
        case STRINGS -> parsed.add(name, requireValue(flagName, value, eq >= 0, raw));
      }
    }
    return parsed;
  }

  private static String boolValue(String flagName, String value, boolean hasValue, String raw) {
    if (hasValue && value.isEmpty()) {
      throw new InvalidInstructionException("missing a value on flag: " + flagName, raw);
    }
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "", "true" -> "true";
      case "false" -> "false";
      default -> throw new InvalidInstructionException(
          "expecting boolean value for flag " + flagName + ", not: " + value, raw);
    };
  }

  private static String requireValue(String flagName, String value, boolean hasValue, String raw) {
    if (!hasValue) throw new InvalidInstructionException("missing a value on flag: " + flagName, raw);
    return value;
  }
}

package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.value.ByteSize;
import dev.lade.dockerfile.value.InvalidValueException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses one {@code RUN --mount=} value as BuildKit's {@code commands_runmount.go} does, then
 * applies the defaults BuildKit fills in when it runs the step.
 *
 * <p>Values are taken literally. BuildKit expands variables in them later, except in
 * {@code from}, where a variable is an error.
 */
final class MountParser {
  static final List<String> TYPES = List.of("bind", "cache", "tmpfs", "secret", "ssh");
  private static final List<String> SHARING = List.of("shared", "private", "locked");
  private static final List<String> KEYS = List.of("type", "from", "source", "target", "readonly",
      "id", "sharing", "required", "size", "mode", "uid", "gid", "src", "dst", "destination", "ro",
      "rw", "readwrite", "env");

  private MountParser() {}

  /**
   * @param value the flag's value, e.g. {@code type=cache,target=/root/.cache}
   * @param sshIndex how many ssh mounts come before this one in the step (for the default target)
   */
  static Mount parse(String value, int sshIndex) {
    List<String> fields = MountCsv.fields(value);
    for (String field : fields) checkFromHasNoVariable(field);
    MountFields m = new MountFields();
    for (String field : fields) {
      int eq = field.indexOf('=');
      if (eq < 0) m.flag(field.toLowerCase(Locale.ROOT), field);
      else set(m, field.substring(0, eq).toLowerCase(Locale.ROOT), field.substring(eq + 1), field);
    }
    m.validate();
    return m.toMount(sshIndex);
  }

  /** BuildKit resolves {@code from} before expanding variables, so it must not contain any. */
  private static void checkFromHasNoVariable(String field) {
    int eq = field.indexOf('=');
    if (eq < 0 || !field.substring(0, eq).equalsIgnoreCase("from")) return;
    String value = field.substring(eq + 1);
    int dollar = value.indexOf('$');
    if (dollar >= 0 && dollar != value.length() - 1) {
      throw new InvalidInstructionException(
          "'from' doesn't support variable expansion, define alias stage instead");
    }
  }

  private static void set(MountFields m, String key, String value, String field) {
    switch (key) {
      case "type" -> {
        String type = value.toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
          throw new InvalidInstructionException(Suggest.withSuggestion(
              "unsupported mount type " + GoQuote.quote(value), value, TYPES, true));
        }
        m.type = type;
      }
      case "from" -> m.from = value;
      case "source", "src" -> m.source = value;
      case "target", "dst", "destination" -> m.target = value;
      case "readonly", "ro" -> m.setReadOnly(bool(key, value));
      case "readwrite", "rw" -> m.setReadOnly(!bool(key, value));
      case "required" -> {
        m.requireType(key, "secret", "ssh");
        m.required = bool(key, value);
      }
      case "size" -> {
        m.requireType(key, "tmpfs");
        m.size = size(key, value);
      }
      case "id" -> m.id = value;
      case "sharing" -> m.sharing = sharing(value);
      case "mode" -> m.mode = uint32(value, 8, "mode");
      case "uid" -> m.uid = uint32(value, 10, "uid");
      case "gid" -> m.gid = uint32(value, 10, "gid");
      case "env" -> m.env = value;
      default -> throw new InvalidInstructionException(Suggest.withSuggestion(
          "unexpected key '" + key + "' in '" + field + "'", key, KEYS, true));
    }
  }

  private static boolean bool(String key, String value) {
    return GoStrconv.parseBool(value).orElseThrow(() -> invalidValue(key, value));
  }

  private static long size(String key, String value) {
    try {
      return ByteSize.parse(value).bytes();
    } catch (InvalidValueException e) {
      throw invalidValue(key, value);
    }
  }

  private static InvalidInstructionException invalidValue(String key, String value) {
    return new InvalidInstructionException("invalid value for " + key + ": " + value);
  }

  private static Mount.Sharing sharing(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (!SHARING.contains(v)) {
      throw new InvalidInstructionException(Suggest.withSuggestion(
          "unsupported sharing value " + GoQuote.quote(value), value, SHARING, true));
    }
    return Mount.Sharing.valueOf(v.toUpperCase(Locale.ROOT));
  }

  private static Long uint32(String value, int radix, String what) {
    var n = GoStrconv.parseUint32(value, radix);
    if (n.isEmpty()) throw new InvalidInstructionException("invalid value " + value + " for " + what);
    return n.getAsLong();
  }

  static Optional<String> nonEmpty(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}

package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.text.GoQuote;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Which checks run and whether their warnings fail the build: the value of the {@code # check=}
 * directive, e.g. {@code skip=JSONArgsRecommended,StageNameCasing;error=true}.
 *
 * <p>Parsing follows BuildKit's {@code linter.ParseLintOptions}: parts are separated by {@code ;}
 * (at most three), each is {@code skip=}, {@code experimental=} or {@code error=}; {@code all}
 * means every rule. Skipping applies to stable rules, enabling to experimental ones.
 *
 * @param skipAll {@code skip=all}
 * @param skip rule names to skip
 * @param experimentalAll {@code experimental=all}
 * @param experimental experimental rule names to enable
 * @param error {@code error=true}: any warning fails the build
 */
public record CheckConfig(
    boolean skipAll, Set<String> skip, boolean experimentalAll, Set<String> experimental, boolean error) {

  /** The default: every stable rule on, no experimental rule, warnings do not fail. */
  public static final CheckConfig DEFAULT = new CheckConfig(false, Set.of(), false, Set.of(), false);

  public CheckConfig {
    skip = Set.copyOf(skip);
    experimental = Set.copyOf(experimental);
  }

  /**
   * Parses a {@code check} directive value.
   *
   * @throws IllegalArgumentException with BuildKit's message, e.g. {@code invalid check option "x"}
   */
  public static CheckConfig parse(String value) {
    String v = value.strip();
    if (v.isEmpty()) return DEFAULT;
    boolean skipAll = false;
    boolean experimentalAll = false;
    boolean error = false;
    Set<String> skip = Set.of();
    Set<String> experimental = Set.of();
    for (String part : v.split(";", 3)) {
      int eq = part.indexOf('=');
      if (eq < 0) throw new IllegalArgumentException("invalid check option " + GoQuote.quote(part));
      String key = part.substring(0, eq).strip();
      String val = part.substring(eq + 1).strip();
      switch (key) {
        case "skip" -> {
          if (val.equals("all")) skipAll = true;
          else skip = names(val);
        }
        case "experimental" -> {
          if (val.equals("all")) experimentalAll = true;
          else experimental = names(val);
        }
        case "error" -> error = parseBool(part, val);
        default -> throw new IllegalArgumentException("invalid check option " + GoQuote.quote(key));
      }
    }
    return new CheckConfig(skipAll, skip, experimentalAll, experimental, error);
  }

  /** Whether {@code rule} runs under this configuration. */
  public boolean enabled(RuleInfo rule) {
    if (rule.experimental()) return experimentalAll || experimental.contains(rule.name());
    return !skipAll && !skip.contains(rule.name());
  }

  /**
   * This configuration with the skips and enabled experiments of {@code extra} added, for a
   * {@code # check=} comment just before one instruction. {@code error} stays this one's.
   */
  public CheckConfig merge(CheckConfig extra) {
    return new CheckConfig(
        skipAll || extra.skipAll, union(skip, extra.skip),
        experimentalAll || extra.experimentalAll, union(experimental, extra.experimental), error);
  }

  /** This configuration with {@code error} set, e.g. by {@code lade check --error}. */
  public CheckConfig withError(boolean value) {
    return new CheckConfig(skipAll, skip, experimentalAll, experimental, value);
  }

  private static Set<String> names(String list) {
    return Set.copyOf(Arrays.stream(list.split(",", -1)).map(String::strip).toList());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (b.isEmpty()) return a;
    HashSet<String> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  /** Go's {@code strconv.ParseBool}. */
  private static boolean parseBool(String part, String v) {
    return switch (v) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> throw new IllegalArgumentException("failed to parse check option " + GoQuote.quote(part)
          + ": strconv.ParseBool: parsing " + GoQuote.quote(v) + ": invalid syntax");
    };
  }
}

package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.From;
import dev.lade.dockerfile.shell.Expansion;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.Optional;

/**
 * A FROM line expanded with the global scope, as BuildKit does before it resolves the base.
 *
 * @param from the instruction as written
 * @param base the expanded base: an image reference, an earlier stage's name, or {@code scratch}
 * @param baseExpansion how the base was expanded (which variables it used, which were unset)
 * @param platform the parsed {@code --platform}, if given
 * @param platformExpansion how the {@code --platform} value was expanded, if given
 */
public record FromEvaluation(
    From from, String base, Expansion baseExpansion, Optional<Platform> platform,
    Optional<Expansion> platformExpansion) {

  /**
   * Expands {@code from}'s base and platform with the global values.
   *
   * @throws dev.lade.dockerfile.parser.DockerfileParseException when a word cannot be expanded,
   *     the base is blank, or the platform is empty or not a platform; located at the FROM
   */
  public static FromEvaluation evaluate(From from, GlobalScope globals, ShellLexer lexer) {
    Expansion base = globals.expand(lexer, from.image(), from.location());
    if (base.result().isEmpty()) {
      throw Expansions.located("base name (" + from.image() + ") should not be blank", from.location());
    }
    Optional<Expansion> platformExpansion = from.platform().map(p -> globals.expand(lexer, p, from.location()));
    Optional<Platform> platform = platformExpansion.map(e -> parsePlatform(from, e));
    return new FromEvaluation(from, base.result(), base, platform, platformExpansion);
  }

  private static Platform parsePlatform(From from, Expansion e) {
    String written = from.platform().orElseThrow();
    if (e.result().isEmpty()) {
      throw Expansions.located("empty platform value from expression " + written, from.location());
    }
    try {
      return Platform.parse(e.result());
    } catch (IllegalArgumentException bad) {
      throw Expansions.located("failed to parse platform " + written + ": " + bad.getMessage(), from.location());
    }
  }
}

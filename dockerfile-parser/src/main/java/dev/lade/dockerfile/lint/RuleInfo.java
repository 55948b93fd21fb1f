package dev.lade.dockerfile.lint;

/**
 * What a build check is, as BuildKit's {@code linter.LinterRule} describes it.
 *
 * @param name the rule's name, e.g. {@code StageNameCasing}; used by {@code # check=skip=}
 * @param description one sentence on what the rule wants
 * @param url the rule's documentation page
 * @param experimental whether the rule is off unless {@code # check=experimental=} names it
 */
public record RuleInfo(String name, String description, String url, boolean experimental) {
  private static final String DOCS = "https://docs.docker.com/go/dockerfile/rule/";

  /** A rule that is on by default, documented at {@code docs.docker.com/go/dockerfile/rule/<page>/}. */
  static RuleInfo stable(String name, String page, String description) {
    return new RuleInfo(name, description, DOCS + page + "/", false);
  }

  /** A rule that is off unless enabled with {@code # check=experimental=}. */
  static RuleInfo experimental(String name, String page, String description) {
    return new RuleInfo(name, description, DOCS + page + "/", true);
  }
}

package dev.lade.dockerfile.lint;

/**
 * One build check, as BuildKit's linter has it: a rule with a name, a description, a
 * documentation page, and a way of finding what it warns about.
 *
 * <p>Rules only look at their {@link LintInput} and report to {@link Findings}, which applies
 * the {@code # check=} configuration; whether a rule is skipped is none of its business.
 */
public abstract sealed class LintRule
    permits StageNameCasing, FromAsCasing, NoEmptyContinuation, ConsistentInstructionCasing,
        DuplicateStageName, ReservedStageName, JsonArgsRecommended, MaintainerDeprecated,
        UndefinedArgInFrom, WorkdirRelativePath, UndefinedVar, MultipleInstructionsDisallowed,
        LegacyKeyValueFormat, RedundantTargetPlatform, SecretsUsedInArgOrEnv,
        InvalidDefaultArgInFrom, FromPlatformFlagConstDisallowed, InvalidDefinitionDescription,
        ExposeProtoCasing, ExposeInvalidFormat {

  private final RuleInfo info;

  LintRule(RuleInfo info) {
    this.info = info;
  }

  /** The rule's name, description, documentation and whether it is experimental. */
  public final RuleInfo info() {
    return info;
  }

  /** Reports what the rule finds in {@code input}. */
  public abstract void check(LintInput input, Findings findings);
}

package dev.lade.dockerfile.lint;

import java.util.List;
import java.util.Optional;

/**
 * Every build check lade runs, in the order of BuildKit's {@code linter/ruleset.go}.
 *
 * <p>Not here: InvalidBaseImagePlatform (needs the pulled base image) and CopyIgnoredFile
 * (experimental, needs the build context's {@code .dockerignore}).
 */
public final class LintRules {
  /** All rules; experimental ones only run when the {@code check} directive enables them. */
  public static final List<LintRule> ALL = List.of(
      new StageNameCasing(), new FromAsCasing(), new NoEmptyContinuation(),
      new ConsistentInstructionCasing(), new DuplicateStageName(), new ReservedStageName(),
      new JsonArgsRecommended(), new MaintainerDeprecated(), new UndefinedArgInFrom(),
      new WorkdirRelativePath(), new UndefinedVar(), new MultipleInstructionsDisallowed(),
      new LegacyKeyValueFormat(), new RedundantTargetPlatform(), new SecretsUsedInArgOrEnv(),
      new InvalidDefaultArgInFrom(), new FromPlatformFlagConstDisallowed(),
      new InvalidDefinitionDescription(), new ExposeProtoCasing(), new ExposeInvalidFormat());

  private LintRules() {}

  /** The rule with this name, if lade has it. */
  public static Optional<LintRule> named(String name) {
    return ALL.stream().filter(r -> r.info().name().equals(name)).findFirst();
  }

  /** The position of {@code rule} in {@link #ALL}, to order findings on the same line. */
  static int order(RuleInfo rule) {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).info().equals(rule)) return i;
    }
    return ALL.size();
  }
}

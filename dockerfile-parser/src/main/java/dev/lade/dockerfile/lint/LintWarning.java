package dev.lade.dockerfile.lint;

/**
 * One finding of a build check.
 *
 * @param rule the check that found it
 * @param message what is wrong, in BuildKit's words
 * @param line the 1-based line of the instruction it concerns (0 for the whole file)
 */
public record LintWarning(RuleInfo rule, String message, int line) {}

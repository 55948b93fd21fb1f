package dev.lade.dockerfile.lint;

import dev.lade.dockerfile.scope.BaseImageConfig;
import dev.lade.dockerfile.scope.ScopeOptions;

/**
 * How to check a Dockerfile.
 *
 * @param scope the build arguments, platforms and target the checks evaluate the Dockerfile with
 * @param images the environment of base images, where known (for UndefinedVar)
 * @param failOnWarnings fail on any warning, as if the file said {@code # check=error=true}
 */
public record LintOptions(ScopeOptions scope, BaseImageConfig images, boolean failOnWarnings) {

  /** No build arguments, this machine's platform, no base image known, warnings do not fail. */
  public static LintOptions defaults() {
    return new LintOptions(ScopeOptions.defaults(), BaseImageConfig.unknown(), false);
  }

  /** These options with {@code scope} instead. */
  public LintOptions withScope(ScopeOptions newScope) {
    return new LintOptions(newScope, images, failOnWarnings);
  }

  /** These options, failing on warnings or not. */
  public LintOptions withFailOnWarnings(boolean fail) {
    return new LintOptions(scope, images, fail);
  }
}

package dev.lade.dockerfile.scope;

import java.util.Optional;

/**
 * What a build's variables depend on besides the Dockerfile.
 *
 * @param buildArgs the {@code --build-arg} values
 * @param buildPlatform the platform of the machine doing the build
 * @param targetPlatform the platform of the image being built
 * @param target the stage to build ({@code --target}); empty for the last stage
 */
public record ScopeOptions(BuildArgs buildArgs, Platform buildPlatform, Platform targetPlatform, Optional<String> target) {

  /** No build arguments, building for this machine's platform on it, the last stage. */
  public static ScopeOptions defaults() {
    return new ScopeOptions(BuildArgs.none(), Platform.host(), Platform.host(), Optional.empty());
  }

  /** These options with other build arguments. */
  public ScopeOptions withBuildArgs(BuildArgs args) {
    return new ScopeOptions(args, buildPlatform, targetPlatform, target);
  }
}

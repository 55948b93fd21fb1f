package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.Dockerfile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The build arguments BuildKit defines by itself in the global scope: {@code BUILDPLATFORM},
 * {@code BUILDOS}, {@code BUILDARCH}, {@code BUILDVARIANT}, {@code TARGETPLATFORM}, {@code
 * TARGETOS}, {@code TARGETARCH}, {@code TARGETVARIANT} and {@code TARGETSTAGE}.
 *
 * <p>They are visible in {@code FROM} without a declaration; inside a stage only after {@code ARG
 * NAME} re-imports them. A {@code --build-arg} of the same name replaces the value.
 */
public final class AutomaticArgs {
  private AutomaticArgs() {}

  /**
   * The automatic arguments for building {@code dockerfile} with {@code options}: {@code
   * TARGETSTAGE} is the {@code --target} stage, else the last stage's name (empty if unnamed).
   */
  public static VariableScope of(Dockerfile dockerfile, ScopeOptions options) {
    String targetStage = options.target().orElse(dockerfile.lastStage().name().orElse(""));
    return of(options.buildPlatform(), options.targetPlatform(), targetStage, options.buildArgs());
  }

  /**
   * The automatic arguments for a build.
   *
   * @param build the platform of the machine doing the build
   * @param target the platform of the image being built
   * @param targetStage the name of the stage being built (empty when it has none)
   * @param overrides build arguments, which win over the computed values
   */
  public static VariableScope of(Platform build, Platform target, String targetStage, BuildArgs overrides) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("BUILDPLATFORM", build.format());
    m.put("BUILDOS", build.os());
    m.put("BUILDARCH", build.architecture());
    m.put("BUILDVARIANT", build.variant());
    m.put("TARGETPLATFORM", target.format());
    m.put("TARGETOS", target.os());
    m.put("TARGETARCH", target.architecture());
    m.put("TARGETVARIANT", target.variant());
    m.put("TARGETSTAGE", targetStage);
    m.replaceAll((name, value) -> overrides.value(name).orElse(value));
    return VariableScope.of(m);
  }
}

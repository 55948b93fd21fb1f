package dev.lade.dockerfile.scope;

import java.util.Set;

/**
 * Build arguments that configure BuildKit rather than the build: they are never put in the
 * environment and never reported as undefined.
 */
final class NonEnvArgs {
  private static final Set<String> NAMES = Set.of("BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");

  private NonEnvArgs() {}

  static boolean contains(String name) {
    return NAMES.contains(name);
  }
}

package dev.lade.oci.platform;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * An ordered list of acceptable platforms, like containerd's {@code platforms.Ordered}: a platform
 * matches if any entry matches it, and platforms matching earlier entries are preferred. Use
 * {@link #only} to pick an image for a platform the way Docker and BuildKit do.
 */
public final class PlatformPreference implements PlatformMatcher {
  private final List<Platform> platforms;
  private final List<PlatformMatcher> matchers;

  private PlatformPreference(List<Platform> platforms) {
    this.platforms = List.copyOf(platforms);
    this.matchers = this.platforms.stream().map(PlatformMatcher::exactly).toList();
  }

  /**
   * {@code platform} and what it can also run, best first (containerd's {@code Only}): {@code
   * linux/amd64} also accepts {@code linux/386}; {@code linux/arm64} accepts {@code linux/arm/v8}
   * down to {@code v5}; {@code linux/arm/v7} accepts v6 and v5; {@code amd64/v3} accepts v2 and
   * v1.
   */
  public static PlatformPreference only(Platform platform) {
    return new PlatformPreference(CompatiblePlatforms.of(platform.normalize()));
  }

  /** Exactly {@code platform}, after normalisation (containerd's {@code OnlyStrict}). */
  public static PlatformPreference onlyStrict(Platform platform) {
    return new PlatformPreference(List.of(platform.normalize()));
  }

  /** Any of {@code platforms}, preferring earlier ones (containerd's {@code Ordered}). */
  public static PlatformPreference ordered(List<Platform> platforms) {
    return new PlatformPreference(platforms);
  }

  /** What the host runs (containerd's {@code Default}), including its x86-64 level. */
  public static PlatformPreference host() {
    return only(HostPlatform.detectWithCpuLevel());
  }

  /** The accepted platforms, best first. */
  public List<Platform> platforms() {
    return platforms;
  }

  @Override
  public boolean matches(Platform candidate) {
    return rank(candidate).isPresent();
  }

  /** The position of the first entry matching {@code candidate} (0 is best), if any. */
  public OptionalInt rank(Platform candidate) {
    for (int i = 0; i < matchers.size(); i++) {
      if (matchers.get(i).matches(candidate)) return OptionalInt.of(i);
    }
    return OptionalInt.empty();
  }

  /** Orders platforms best first; platforms that do not match come last. */
  public Comparator<Platform> order() {
    return Comparator.comparingInt(p -> rank(p).orElse(Integer.MAX_VALUE));
  }

  /**
   * The best of {@code candidates}; among equally good ones, the first, as the OCI spec asks.
   * Candidates whose platform is null are skipped.
   */
  public <T> Optional<T> best(Collection<T> candidates, Function<T, Platform> platformOf) {
    T best = null;
    int bestRank = Integer.MAX_VALUE;
    for (T candidate : candidates) {
      Platform platform = platformOf.apply(candidate);
      if (platform == null) continue;
      int rank = rank(platform).orElse(Integer.MAX_VALUE);
      if (rank < bestRank) {
        best = candidate;
        bestRank = rank;
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  public String toString() {
    return platforms.stream().map(Platform::formatAll).toList().toString();
  }
}

package dev.lade.oci.platform;

/** Decides whether a platform, typically from an image index, is acceptable. */
@FunctionalInterface
public interface PlatformMatcher {
  /** Whether {@code candidate} is acceptable. */
  boolean matches(Platform candidate);

  /**
   * Matches platforms equal to {@code platform} once both are normalised (containerd's {@code
   * NewMatcher}): same OS, architecture and variant; the candidate's OS features must all be among
   * {@code platform}'s; on Windows, OS versions must be compatible.
   */
  static PlatformMatcher exactly(Platform platform) {
    return new ExactPlatformMatcher(platform);
  }
}

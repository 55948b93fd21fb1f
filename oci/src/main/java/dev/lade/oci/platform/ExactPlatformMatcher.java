package dev.lade.oci.platform;

/** containerd's {@code NewMatcher}, with its Windows OS version rules. */
record ExactPlatformMatcher(Platform wanted) implements PlatformMatcher {
  ExactPlatformMatcher {
    wanted = wanted.normalize();
  }

  @Override
  public boolean matches(Platform candidate) {
    Platform c = candidate.normalize();
    return wanted.os().equals(c.os())
        && wanted.architecture().equals(c.architecture())
        && wanted.variant().equals(c.variant())
        && osVersionMatches(candidate.osVersion())
        && wanted.osFeatures().containsAll(c.osFeatures());
  }

  private boolean osVersionMatches(String candidateVersion) {
    if (!wanted.os().equals("windows")) return true;
    WindowsVersion host = WindowsVersion.parse(wanted.osVersion());
    if (host.isEmpty() || candidateVersion.isEmpty()) return true;
    return host.canRun(WindowsVersion.parse(candidateVersion));
  }

  @Override
  public String toString() {
    return wanted.formatAll();
  }
}

package dev.lade.oci.platform;

/** The major.minor.build prefix of a Windows OS version, as containerd compares them. */
record WindowsVersion(int major, int minor, int build) {
  /** Windows Server 2022 (ltsc2022): from it on, older LTSC container images keep running. */
  private static final int WS2022 = 20348;

  /** Parses {@code 10.0.17763[.anything]}; anything else gives the empty version. */
  static WindowsVersion parse(String version) {
    String[] parts = version.split("\\.");
    if (parts.length < 3) return new WindowsVersion(0, 0, 0);
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts[1]);
      int build = Integer.parseInt(parts[2]);
      if (major > 255 || minor > 255 || build > 65535 || major < 0 || minor < 0 || build < 0) {
        return new WindowsVersion(0, 0, 0);
      }
      return new WindowsVersion(major, minor, build);
    } catch (NumberFormatException e) {
      return new WindowsVersion(0, 0, 0);
    }
  }

  boolean isEmpty() {
    return major == 0 && minor == 0 && build == 0;
  }

  /** Whether a host of this version runs a container of version {@code container}. */
  boolean canRun(WindowsVersion container) {
    if (major != container.major || minor != container.minor) return false;
    if (build < WS2022) return build == container.build;
    return container.build >= WS2022 && container.build <= build;
  }
}

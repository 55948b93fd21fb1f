package dev.lade.oci.platform;

import java.util.Locale;
import java.util.Set;

/** The operating systems and architectures Go knows, and containerd's normalisation of them. */
final class KnownPlatforms {
  private static final Set<String> OPERATING_SYSTEMS =
      Set.of(
          "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
          "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos");
  private static final Set<String> ARCHITECTURES =
      Set.of(
          "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le",
          "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc",
          "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm");

  private KnownPlatforms() {}

  static boolean isKnownOs(String os) {
    return OPERATING_SYSTEMS.contains(os);
  }

  static boolean isKnownArchitecture(String architecture) {
    return ARCHITECTURES.contains(architecture);
  }

  /** Lower case, {@code macos} becomes {@code darwin}, and empty means the host's. */
  static String normalizeOs(String os) {
    if (os.isEmpty()) return HostPlatform.os();
    String lower = os.toLowerCase(Locale.ROOT);
    return lower.equals("macos") ? "darwin" : lower;
  }

  /** containerd's {@code normalizeArch}: returns {architecture, variant}. */
  static String[] normalizeArchitecture(String architecture, String variant) {
    String arch = architecture.toLowerCase(Locale.ROOT);
    String v = variant.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "i386" -> {
        arch = "386";
        v = "";
      }
      case "x86_64", "x86-64", "amd64" -> {
        arch = "amd64";
        if (v.equals("v1")) v = "";
      }
      case "aarch64", "arm64" -> {
        arch = "arm64";
        v = switch (v) {
          case "8", "v8", "v8.0" -> "";
          case "9", "9.0", "v9.0" -> "v9";
          default -> v;
        };
      }
      case "armhf" -> {
        arch = "arm";
        v = "v7";
      }
      case "armel" -> {
        arch = "arm";
        v = "v6";
      }
      case "arm" -> v = switch (v) {
        case "", "7" -> "v7";
        case "5", "6", "8" -> "v" + v;
        default -> v;
      };
      default -> {}
    }
    return new String[] {arch, v};
  }
}

package dev.lade.dockerfile.scope;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A platform such as {@code linux/arm/v7}, parsed and normalized the way containerd's {@code
 * platforms.Parse} does it (BuildKit uses that for {@code --platform} values).
 *
 * @param os the operating system, e.g. {@code linux}
 * @param architecture the CPU architecture, e.g. {@code amd64}
 * @param variant the CPU variant, e.g. {@code v7}; empty when none
 */
public record Platform(String os, String architecture, String variant) {
  private static final Pattern COMPONENT = Pattern.compile("^[A-Za-z0-9_.-]+$");
  private static final Set<String> KNOWN_OS = Set.of(
      "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
      "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos");
  private static final Set<String> KNOWN_ARCH = Set.of(
      "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le",
      "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc",
      "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm");

  /** The platform of this machine, as BuildKit's default build platform would be on it. */
  public static Platform host() {
    return hostDefaults();
  }

  /**
   * Parses a platform specifier: {@code os}, {@code arch}, {@code os/arch} or {@code
   * os/arch/variant}, normalizing aliases ({@code x86_64} is {@code amd64}, {@code aarch64} is
   * {@code arm64}, {@code armhf} is {@code arm/v7}...).
   *
   * @throws IllegalArgumentException when the specifier is not a platform
   */
  public static Platform parse(String specifier) {
    if (specifier.contains("*")) {
      throw new IllegalArgumentException("\"" + specifier + "\": wildcards not yet supported");
    }
    String[] parts = specifier.split("/", -1);
    for (String part : parts) {
      if (!COMPONENT.matcher(part).matches()) {
        throw new IllegalArgumentException("\"" + part + "\" is an invalid component of \""
            + specifier + "\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\"");
      }
    }
    Platform host = parts.length == 1 ? hostDefaults() : null;
    return switch (parts.length) {
      case 1 -> {
        String os = normalizeOs(parts[0]);
        if (KNOWN_OS.contains(os)) yield new Platform(os, host.architecture, host.variant);
        Platform arch = normalizeArch(parts[0], "");
        if (KNOWN_ARCH.contains(arch.architecture)) {
          yield new Platform(host.os, arch.architecture, dropArmV7(arch).variant);
        }
        throw new IllegalArgumentException(
            "\"" + specifier + "\": unknown operating system or architecture: invalid argument");
      }
      case 2 -> {
        Platform arch = dropArmV7(normalizeArch(parts[1], ""));
        yield new Platform(normalizeOs(parts[0]), arch.architecture, arch.variant);
      }
      case 3 -> {
        Platform arch = normalizeArch(parts[1], parts[2]);
        String variant = arch.architecture.equals("arm64") && arch.variant.isEmpty() ? "v8" : arch.variant;
        yield new Platform(normalizeOs(parts[0]), arch.architecture, variant);
      }
      default -> throw new IllegalArgumentException(
          "\"" + specifier + "\": cannot parse platform specifier: invalid argument");
    };
  }

  /** {@code os/architecture[/variant]}. */
  public String format() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }

  @Override
  public String toString() {
    return format();
  }

  private static Platform hostDefaults() {
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    Platform p = normalizeArch(arch.equals("x86") ? "386" : arch, "");
    return new Platform("linux", p.architecture, p.variant);
  }

  private static Platform dropArmV7(Platform p) {
    return p.architecture.equals("arm") && p.variant.equals("v7") ? new Platform(p.os, "arm", "") : p;
  }

  private static String normalizeOs(String os) {
    String lower = os.toLowerCase(Locale.ROOT);
    return lower.equals("macos") ? "darwin" : lower;
  }

  /** Architecture aliases, as containerd's {@code normalizeArch}; the OS of the result is empty. */
  private static Platform normalizeArch(String arch, String variant) {
    String a = arch.toLowerCase(Locale.ROOT);
    String v = variant.toLowerCase(Locale.ROOT);
    return switch (a) {
      case "i386" -> new Platform("", "386", "");
      case "x86_64", "x86-64", "amd64" -> new Platform("", "amd64", v.equals("v1") ? "" : v);
      case "aarch64", "arm64" -> new Platform("", "arm64", switch (v) {
        case "8", "v8", "v8.0" -> "";
        case "9", "9.0", "v9.0" -> "v9";
        default -> v;
      });
      case "armhf" -> new Platform("", "arm", "v7");
      case "armel" -> new Platform("", "arm", "v6");
      case "arm" -> new Platform("", "arm", switch (v) {
        case "", "7" -> "v7";
        case "5", "6", "8" -> "v" + v;
        default -> v;
      });
      default -> new Platform("", a, v);
    };
  }
}

package dev.lade.oci.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the host's platform from the JVM's {@code os.name} and {@code os.arch}, and, like
 * containerd, the CPU variant from {@code /proc/cpuinfo}: the ARM version, or the x86-64
 * micro-architecture level.
 */
public final class HostPlatform {
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  private HostPlatform() {}

  /**
   * The host platform as images declare it: containerd's {@code Normalize(DefaultSpec())} without
   * the x86-64 level, so {@code linux/amd64}, {@code linux/arm64} or {@code linux/arm/v7}.
   */
  public static Platform detect() {
    String arch = architecture();
    String variant = arch.equals("arm") || arch.equals("arm64") ? armVariant(cpuinfo(), arch) : "";
    return Platform.of(os(), arch, variant).normalize();
  }

  /** The host platform with its x86-64 level (such as {@code linux/amd64/v3}), for matching. */
  public static Platform detectWithCpuLevel() {
    Platform host = detect();
    if (!host.architecture().equals("amd64")) return host;
    return Platform.of(host.os(), "amd64", amd64Level(cpuinfo())).normalize();
  }

  /** The host OS as Go names it ({@code GOOS}). */
  public static String os() {
    String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) return "windows";
    if (name.startsWith("mac") || name.startsWith("darwin")) return "darwin";
    return name.replace(" ", "");
  }

  /** The host CPU architecture as Go names it ({@code GOARCH}). */
  public static String architecture() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "x86", "i386", "i486", "i586", "i686" -> "386";
      case "loongarch64" -> "loong64";
      default -> KnownPlatforms.normalizeArchitecture(arch, "")[0];
    };
  }

  /**
   * The ARM variant named by the {@code CPU architecture} line of {@code cpuinfo}, as containerd's
   * {@code getArmCPUVariant} maps it; {@code unknown} if unrecognised. Without that line, arm64 is
   * {@code v8} and 32-bit ARM gets no variant (so normalisation makes it {@code v7}).
   */
  static String armVariant(String cpuinfo, String architecture) {
    Optional<String> reported = field(cpuinfo, "Cpu architecture");
    if (reported.isEmpty()) return architecture.equals("arm64") ? "v8" : "";
    String variant = reported.get();
    // Raspberry Pi ARMv6 boards report "7" because of a kernel quirk.
    String model = field(cpuinfo, "model name").orElse("").toLowerCase(Locale.ROOT);
    if (variant.equals("7") && architecture.equals("arm") && model.startsWith("armv6-compatible")) {
      variant = "6";
    }
    return switch (variant.toLowerCase(Locale.ROOT)) {
      case "8", "aarch64" -> "v8";
      case "7", "7m", "?(12)", "?(13)", "?(14)", "?(15)", "?(16)", "?(17)" -> "v7";
      case "6", "6tej" -> "v6";
      case "5", "5t", "5te", "5tej" -> "v5";
      case "4", "4t" -> "v4";
      case "3" -> "v3";
      default -> "unknown";
    };
  }

  /** The x86-64 micro-architecture level ({@code v1} to {@code v4}) the {@code flags} line shows. */
  static String amd64Level(String cpuinfo) {
    Set<String> flags = new HashSet<>(Arrays.asList(field(cpuinfo, "flags").orElse("").split(" ")));
    List<List<String>> levels =
        List.of(
            List.of("cx16", "lahf_lm", "popcnt", "pni", "sse4_1", "sse4_2", "ssse3"),
            List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"),
            List.of("avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"));
    int level = 1;
    for (List<String> required : levels) {
      if (!flags.containsAll(required)) break;
      level++;
    }
    return "v" + level;
  }

  /** The value of the first line {@code key : value} of {@code cpuinfo}, key case-insensitive. */
  static Optional<String> field(String cpuinfo, String key) {
    return cpuinfo
        .lines()
        .map(line -> line.split(":", 2))
        .filter(kv -> kv.length == 2 && kv[0].trim().equalsIgnoreCase(key))
        .map(kv -> kv[1].trim())
        .findFirst();
  }

  private static String cpuinfo() {
    try {
      return Files.readString(CPUINFO);
    } catch (IOException | SecurityException e) {
      return ""; // not Linux, or hidden: the variant is then unknown, as in containerd
    }
  }
}

package dev.lade.oci.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform an image runs on, as in OCI's {@code platform} object. Absent parts are empty
 * strings, never null. Parsing and normalisation follow containerd's {@code platforms} package,
 * which Docker and BuildKit use: {@code aarch64} becomes {@code arm64}, {@code x86_64} becomes
 * {@code amd64}, {@code armhf} becomes {@code arm/v7}, and so on.
 *
 * @param os the operating system, such as {@code linux}
 * @param architecture the CPU architecture, such as {@code arm64}
 * @param variant the CPU variant, such as {@code v7}; empty if none
 * @param osVersion the OS version, such as {@code 10.0.17763.1040} on Windows; empty if none
 * @param osFeatures required OS features, such as {@code win32k}
 */
public record Platform(
    String os, String architecture, String variant, String osVersion, List<String> osFeatures) {
  private static final Pattern SPECIFIER_COMPONENT = Pattern.compile("^[A-Za-z0-9_.-]+$");
  private static final Pattern OS_COMPONENT =
      Pattern.compile("^([A-Za-z0-9_-]+)(?:\\(([A-Za-z0-9_.%-]*)((?:\\+[A-Za-z0-9_.%-]+)*)\\))?$");

  public Platform {
    os = Objects.requireNonNullElse(os, "");
    architecture = Objects.requireNonNullElse(architecture, "");
    variant = Objects.requireNonNullElse(variant, "");
    osVersion = Objects.requireNonNullElse(osVersion, "");
    osFeatures = List.copyOf(Objects.requireNonNullElse(osFeatures, List.of()));
  }

  /** A platform with an OS and an architecture, such as {@code linux/amd64}. */
  public static Platform of(String os, String architecture) {
    return of(os, architecture, "");
  }

  /** A platform with an OS, an architecture and a variant, such as {@code linux/arm/v7}. */
  public static Platform of(String os, String architecture, String variant) {
    return new Platform(os, architecture, variant, "", List.of());
  }

  /**
   * Parses a specifier {@code <os>|<arch>|<os>/<arch>[/<variant>]}, where {@code <os>} may carry
   * options: {@code windows(10.0.17763+win32k)} sets the OS version and features. A lone OS takes
   * the host's architecture; a lone architecture takes the host's OS. The result is normalised as
   * containerd's {@code platforms.Parse} does it ({@code linux/arm} keeps no variant, {@code
   * linux/arm64/v8} keeps {@code v8}).
   *
   * @throws InvalidPlatformException with containerd's message if the specifier is malformed
   */
  public static Platform parse(String specifier) {
    if (specifier.contains("*")) {
      throw new InvalidPlatformException(quote(specifier) + ": wildcards not yet supported");
    }
    String[] parts = specifier.split("/", 4);
    Matcher osMatch = OS_COMPONENT.matcher(parts[0]);
    if (!osMatch.matches()) {
      throw new InvalidPlatformException(
          quote(parts[0]) + " is an invalid OS component of " + quote(specifier)
              + ": OSAndVersion specifier component must match " + quote(OS_COMPONENT.pattern()));
    }
    for (int i = 1; i < parts.length; i++) {
      if (!SPECIFIER_COMPONENT.matcher(parts[i]).matches()) {
        throw new InvalidPlatformException(
            quote(parts[i]) + " is an invalid component of " + quote(specifier)
                + ": platform specifier component must match "
                + quote(SPECIFIER_COMPONENT.pattern()));
      }
    }
    String os = KnownPlatforms.normalizeOs(osMatch.group(1));
    String osVersion = decodeOsOption(specifier, osMatch.group(2) == null ? "" : osMatch.group(2));
    List<String> features = new ArrayList<>();
    if (osMatch.group(3) != null && !osMatch.group(3).isEmpty()) {
      for (String f : osMatch.group(3).substring(1).split("\\+", -1)) {
        features.add(decodeOsOption(specifier, f));
      }
    }
    return switch (parts.length) {
      case 1 -> parseSingle(specifier, parts[0], os, osVersion, features);
      case 2 -> {
        String[] arch = KnownPlatforms.normalizeArchitecture(parts[1], "");
        String variant = arch[0].equals("arm") && arch[1].equals("v7") ? "" : arch[1];
        yield new Platform(os, arch[0], variant, osVersion, features);
      }
      case 3 -> {
        String[] arch = KnownPlatforms.normalizeArchitecture(parts[1], parts[2]);
        String variant = arch[0].equals("arm64") && arch[1].isEmpty() ? "v8" : arch[1];
        yield new Platform(os, arch[0], variant, osVersion, features);
      }
      default ->
          throw new InvalidPlatformException(quote(specifier) + ": cannot parse platform specifier");
    };
  }

  private static Platform parseSingle(
      String specifier, String part, String os, String osVersion, List<String> features) {
    if (KnownPlatforms.isKnownOs(os)) {
      Platform host = HostPlatform.detect();
      String variant = host.architecture().equals("arm") && !host.variant().equals("v7")
          ? host.variant() : "";
      return new Platform(os, host.architecture(), variant, osVersion, features);
    }
    String[] arch = KnownPlatforms.normalizeArchitecture(part, "");
    String variant = arch[0].equals("arm") && arch[1].equals("v7") ? "" : arch[1];
    if (KnownPlatforms.isKnownArchitecture(arch[0])) {
      return new Platform(HostPlatform.os(), arch[0], variant, "", List.of());
    }
    throw new InvalidPlatformException(
        quote(specifier) + ": unknown operating system or architecture");
  }

  /** The host's platform, normalised (for example {@code linux/amd64} or {@code linux/arm/v7}). */
  public static Platform host() {
    return HostPlatform.detect();
  }

  /**
   * This platform in containerd's canonical form: OS and architecture lower case and translated,
   * the default variants made explicit or dropped as containerd does ({@code arm} gets {@code v7},
   * {@code arm64/v8} and {@code amd64/v1} lose theirs), OS features sorted without duplicates.
   */
  public Platform normalize() {
    String[] arch = KnownPlatforms.normalizeArchitecture(architecture, variant);
    List<String> features = List.copyOf(new TreeSet<>(osFeatures));
    return new Platform(KnownPlatforms.normalizeOs(os), arch[0], arch[1], osVersion, features);
  }

  /** {@code os/architecture[/variant]}, or {@code unknown} without an OS (containerd's Format). */
  @Override
  public String toString() {
    if (os.isEmpty()) return "unknown";
    return join(os, architecture, variant);
  }

  /**
   * Like {@link #toString()} but with the OS version and features, as in {@code
   * windows(10.0.17763+win32k)/amd64} (containerd's FormatAll). Parsing the result gives this
   * platform back.
   */
  public String formatAll() {
    if (os.isEmpty()) return "unknown";
    StringBuilder options = new StringBuilder(encodeOsOption(osVersion));
    new TreeSet<>(osFeatures).stream()
        .filter(f -> !f.isEmpty())
        .forEach(f -> options.append('+').append(encodeOsOption(f)));
    String osPart = options.isEmpty() ? os : os + "(" + options + ")";
    return join(osPart, architecture, variant);
  }

  private static String join(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (part.isEmpty()) continue;
      if (!out.isEmpty()) out.append('/');
      out.append(part);
    }
    return out.toString();
  }

  private static String encodeOsOption(String value) {
    return value.replace("%", "%25").replace("+", "%2B").replace("(", "%28").replace(")", "%29")
        .replace("/", "%2F");
  }

  private static String decodeOsOption(String specifier, String value) {
    if (!value.contains("%")) return value;
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidPlatformException(
          quote(specifier) + " has an invalid OS option " + quote(value));
    }
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}

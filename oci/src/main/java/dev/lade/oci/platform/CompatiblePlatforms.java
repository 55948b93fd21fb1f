package dev.lade.oci.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The platforms a given platform can also run, best first: containerd's {@code platformVector}.
 * An amd64 host runs 386; {@code amd64/v3} runs v2 and v1; {@code arm/v7} runs v6 and v5; an
 * arm64 host runs 32-bit ARM; {@code arm64/v9.x} runs {@code v9.0..v9.x-1} and {@code
 * v8.0..v8.x+5}.
 */
final class CompatiblePlatforms {
  private CompatiblePlatforms() {}

  static List<Platform> of(Platform platform) {
    List<Platform> vector = new ArrayList<>();
    vector.add(platform);
    switch (platform.architecture()) {
      case "amd64" -> {
        int level = versionNumber(platform.variant());
        for (int v = level - 1; v >= 1; v--) vector.add(with(platform, "amd64", "v" + v));
        vector.add(with(platform, "386", ""));
      }
      case "arm" -> {
        int version = versionNumber(platform.variant());
        for (int v = version - 1; v >= 5; v--) vector.add(with(platform, "arm", "v" + v));
      }
      case "arm64" -> addArm64(platform, vector);
      default -> {}
    }
    return vector;
  }

  private static void addArm64(Platform platform, List<Platform> vector) {
    String variant = platform.variant().isEmpty() ? "v8" : platform.variant();
    int dot = variant.indexOf('.');
    int major = versionNumber(dot < 0 ? variant : variant.substring(0, dot));
    if (major >= 8) {
      int minor = 0;
      if (variant.length() == 4 && dot >= 0) {
        minor = Math.max(0, parseOr(variant.substring(dot + 1), 0));
      }
      if (major == 9) {
        addMinors(platform, vector, 9, minor);
        // v9.0 diverged from v8.5, so v9.x runs v8.(x+5).
        minor += 5;
        major = 8;
        vector.add(with(platform, "arm64", "v8." + minor));
      }
      addMinors(platform, vector, major, minor);
    }
    if (variant.startsWith("v8.") || variant.startsWith("v9.")) variant = "v8";
    vector.addAll(of(with(platform, "arm", variant)));
  }

  private static void addMinors(Platform platform, List<Platform> vector, int major, int below) {
    for (int minor = below - 1; minor >= 0; minor--) {
      String variant = minor == 0 ? "v" + major : "v" + major + "." + minor;
      vector.add(with(platform, "arm64", variant));
    }
  }

  private static Platform with(Platform p, String architecture, String variant) {
    return new Platform(p.os(), architecture, variant, p.osVersion(), p.osFeatures());
  }

  /** The number in {@code vN}, or -1. */
  private static int versionNumber(String variant) {
    return parseOr(variant.startsWith("v") ? variant.substring(1) : variant, -1);
  }

  private static int parseOr(String digits, int fallback) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

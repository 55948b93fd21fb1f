package dev.lade.oci.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostPlatformTest {
  private static final String RASPBERRY_PI_ZERO =
      """
      processor	: 0
      model name	: ARMv6-compatible processor rev 7 (v6l)
      BogoMIPS	: 697.95
      Features	: half thumb fastmult vfp edsp java tls
      CPU implementer	: 0x41
      CPU architecture: 7
      """;
  private static final String ARM64 =
      """
      processor	: 0
      BogoMIPS	: 50.00
      Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid
      CPU implementer	: 0x41
      CPU architecture: 8
      """;

  @Test
  void readsTheArmVariantFromCpuinfo() {
    assertEquals("v8", HostPlatform.armVariant(ARM64, "arm64"));
    assertEquals("v7", HostPlatform.armVariant("CPU architecture: 7\n", "arm"));
    assertEquals("v5", HostPlatform.armVariant("CPU architecture: 5TEJ\n", "arm"));
    assertEquals("unknown", HostPlatform.armVariant("CPU architecture: 42\n", "arm"));
  }

  @Test
  void raspberryPiArmv6ReportingSevenIsV6() {
    assertEquals("v6", HostPlatform.armVariant(RASPBERRY_PI_ZERO, "arm"));
    assertEquals("v7", HostPlatform.armVariant(RASPBERRY_PI_ZERO, "arm64"));
  }

  @Test
  void withoutCpuinfoArm64IsV8AndArmHasNoVariant() {
    assertEquals("v8", HostPlatform.armVariant("", "arm64"));
    assertEquals("", HostPlatform.armVariant("", "arm"));
  }

  @Test
  void amd64LevelFollowsTheCpuFlags() {
    String v2 = "flags : fpu cx16 lahf_lm popcnt pni sse4_1 sse4_2 ssse3\n";
    String v3 = v2.strip() + " avx avx2 bmi1 bmi2 f16c fma abm movbe xsave\n";
    String v4 = v3.strip() + " avx512f avx512bw avx512cd avx512dq avx512vl\n";
    assertEquals("v1", HostPlatform.amd64Level("flags : fpu sse2\n"));
    assertEquals("v2", HostPlatform.amd64Level(v2));
    assertEquals("v3", HostPlatform.amd64Level(v3));
    assertEquals("v4", HostPlatform.amd64Level(v4));
    assertEquals("v1", HostPlatform.amd64Level("flags : fpu avx avx2 bmi1 bmi2 f16c fma abm movbe xsave\n"));
  }

  @Test
  void hostPlatformIsNormalisedAndMatchesItself() {
    Platform host = Platform.host();
    assertFalse(host.os().isEmpty());
    assertEquals(host, host.normalize());
    assertTrue(PlatformPreference.host().matches(host));
  }
}

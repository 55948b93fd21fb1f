package dev.lade.oci.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GoTimeTest {
  @Test
  void formatsLikeRfc3339NanoDroppingTrailingZeros() {
    assertEquals(
        "2015-10-31T22:22:56.015925234Z", GoTime.format(Instant.parse("2015-10-31T22:22:56.015925234Z")));
    assertEquals("2015-10-31T22:22:56.01Z", GoTime.format(Instant.parse("2015-10-31T22:22:56.010Z")));
    assertEquals("1970-01-01T00:00:00Z", GoTime.format(Instant.EPOCH));
  }

  @Test
  void parsesOffsetsAndFractions() {
    assertEquals(
        Instant.parse("2023-01-02T01:04:05.5Z"), GoTime.parse("2023-01-02T03:04:05.5+02:00"));
    assertEquals(Instant.parse("2023-01-02T03:04:05Z"), GoTime.parse("2023-01-02T03:04:05Z"));
  }

  @Test
  void rejectsNonRfc3339() {
    assertThrows(IllegalArgumentException.class, () -> GoTime.parse("2023-01-02 03:04:05Z"));
    assertThrows(IllegalArgumentException.class, () -> GoTime.parse("2023-01-02T03:04Z"));
    assertThrows(IllegalArgumentException.class, () -> GoTime.parse("2023-13-02T03:04:05Z"));
  }
}

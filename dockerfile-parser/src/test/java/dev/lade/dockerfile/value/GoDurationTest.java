package dev.lade.dockerfile.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code time} package tests: parseDurationTests, parseDurationErrorTests, durationTests. */
class GoDurationTest {
  @ParameterizedTest(name = "{0} = {1}ns")
  @CsvSource({
      "0, 0", "5s, 5000000000", "30s, 30000000000", "1478s, 1478000000000",
      "-5s, -5000000000", "+5s, 5000000000", "-0, 0", "+0, 0",
      "5.0s, 5000000000", "5.6s, 5600000000", "5.s, 5000000000", ".5s, 500000000", "1.0s, 1000000000",
      "1.00s, 1000000000", "1.004s, 1004000000", "1.0040s, 1004000000", "100.00100s, 100001000000",
      "10ns, 10", "11us, 11000", "12µs, 12000", "12μs, 12000", "13ms, 13000000", "14s, 14000000000",
      "15m, 900000000000", "16h, 57600000000000",
      "3h30m, 12600000000000", "10.5s4m, 250500000000", "-2m3.4s, -123400000000",
      "1h2m3s4ms5us6ns, 3723004005006", "39h9m14.425s, 140954425000000",
      "52763797000ns, 52763797000", "0.3333333333333333333h, 1200000000000",
      "9007199254740993ns, 9007199254740993",
      "9223372036854775807ns, 9223372036854775807", "9223372036854775.807us, 9223372036854775807",
      "9223372036s854ms775us807ns, 9223372036854775807",
      "-9223372036854775808ns, -9223372036854775808", "-9223372036854775.808us, -9223372036854775808",
      "-9223372036s854ms775us808ns, -9223372036854775808",
      "-2562047h47m16.854775808s, -9223372036854775808",
      "0.100000000000000000000h, 360000000000", "0.830103483285477580700h, 2988372539827",
      // Values used by HEALTHCHECK in Docker's documentation.
      "30s, 30000000000", "1h30m, 5400000000000", "300ms, 300000000", "1.5s, 1500000000", "-1m, -60000000000",
  })
  void parsesLikeGo(String text, long nanos) {
    assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "`` => time: invalid duration \"\"",
      "3 => time: missing unit in duration \"3\"",
      "1 => time: missing unit in duration \"1\"",
      "- => time: invalid duration \"-\"",
      "s => time: invalid duration \"s\"",
      ". => time: invalid duration \".\"",
      "-. => time: invalid duration \"-.\"",
      ".s => time: invalid duration \".s\"",
      "+.s => time: invalid duration \"+.s\"",
      "1d => time: unknown unit \"d\" in duration \"1d\"",
      "1x => time: unknown unit \"x\" in duration \"1x\"",
      "\uFFFD => time: invalid duration \"\\xef\\xbf\\xbd\"",
      "9223372036854775810ns => time: invalid duration \"9223372036854775810ns\"",
      "9223372036854775808ns => time: invalid duration \"9223372036854775808ns\"",
      "-9223372036854775809ns => time: invalid duration \"-9223372036854775809ns\"",
      "9223372036854776us => time: invalid duration \"9223372036854776us\"",
      "3000000h => time: invalid duration \"3000000h\"",
      "9223372036854775.808us => time: invalid duration \"9223372036854775.808us\"",
      "9223372036854ms775us808ns => time: invalid duration \"9223372036854ms775us808ns\"",
  })
  void rejectsLikeGo(String text, String message) {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> GoDuration.parse(text));
    assertEquals(message, e.getMessage());
    assertEquals(text, e.input());
  }

  @ParameterizedTest(name = "{1}ns -> {0}")
  @CsvSource({
      "0s, 0", "1ns, 1", "1.1µs, 1100", "2.2ms, 2200000", "3.3s, 3300000000", "4m5s, 245000000000",
      "4m5.001s, 245001000000", "5h6m7.001s, 18367001000000", "8m0.000000001s, 480000000001",
      "2562047h47m16.854775807s, 9223372036854775807", "-2562047h47m16.854775808s, -9223372036854775808",
      "1h0m0s, 3600000000000",
  })
  void formatsLikeGo(String text, long nanos) {
    assertEquals(text, GoDuration.format(Duration.ofNanos(nanos)));
    assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
  }
}

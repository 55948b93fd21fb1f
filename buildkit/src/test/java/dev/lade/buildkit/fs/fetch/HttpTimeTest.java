package dev.lade.buildkit.fs.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Last-Modified values as Go's http.ParseTime reads them (examples from RFC 9110, section 5.6.7). */
class HttpTimeTest {
  private static final Optional<Instant> NOV_6_1994 = Optional.of(Instant.parse("1994-11-06T08:49:37Z"));

  @Test
  void theThreeFormatsOfHttp() {
    assertEquals(NOV_6_1994, HttpTime.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
    assertEquals(NOV_6_1994, HttpTime.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
    assertEquals(NOV_6_1994, HttpTime.parse("Sun Nov  6 08:49:37 1994"));
  }

  @Test
  void theWeekdayIsNotCheckedAgainstTheDate() {
    assertEquals(NOV_6_1994, HttpTime.parse("Mon, 06 Nov 1994 08:49:37 GMT"));
  }

  @Test
  void otherShapesAreNotTimes() {
    // A one-digit day (what java.time's RFC_1123_DATE_TIME writes) and numeric zones fail in Go too:
    // BuildKit then gives the downloaded file the time 0.
    assertEquals(Optional.empty(), HttpTime.parse("Sun, 6 Nov 1994 08:49:37 GMT"));
    assertEquals(Optional.empty(), HttpTime.parse("Sun, 06 Nov 1994 08:49:37 +0000"));
    assertEquals(Optional.empty(), HttpTime.parse("yesterday"));
    assertEquals(Optional.empty(), HttpTime.parse("Sun, 31 Feb 1994 08:49:37 GMT"));
  }
}

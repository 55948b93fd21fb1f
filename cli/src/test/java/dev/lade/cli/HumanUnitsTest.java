package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Expected strings from go-units' tests, which Docker's CLI uses. */
class HumanUnitsTest {
  @Test
  void sizes() {
    assertEquals("1kB", HumanUnits.size(1000));
    assertEquals("1.024kB", HumanUnits.size(1024));
    assertEquals("1MB", HumanUnits.size(1000000));
    assertEquals("1.049MB", HumanUnits.size(1048576));
    assertEquals("0B", HumanUnits.size(0));
  }

  @Test
  void ages() {
    assertEquals("Less than a second ago", HumanUnits.ago(Duration.ofMillis(450)));
    assertEquals("47 seconds ago", HumanUnits.ago(Duration.ofSeconds(47)));
    assertEquals("About a minute ago", HumanUnits.ago(Duration.ofMinutes(1)));
    assertEquals("About an hour ago", HumanUnits.ago(Duration.ofMinutes(60)));
    assertEquals("3 days ago", HumanUnits.ago(Duration.ofHours(72)));
    assertEquals("2 weeks ago", HumanUnits.ago(Duration.ofDays(14)));
  }
}

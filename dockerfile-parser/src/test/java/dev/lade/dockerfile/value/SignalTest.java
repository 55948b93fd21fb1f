package dev.lade.dockerfile.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** STOPSIGNAL values as moby/sys {@code signal.ParseSignal} accepts them on Linux. */
class SignalTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "SIGKILL, 9", "KILL, 9", "kill, 9", "sigterm, 15", "9, 9", "+15, 15", "SIGRTMIN, 34", "SIGRTMIN+3, 37",
      "RTMAX-1, 63", "SIGRTMAX, 64", "SIGIOT, 6", "SIGCLD, 17", "SIGPOLL, 29", "SIGWINCH, 28", "SIGSTKFLT, 16",
      "-1, -1",
  })
  void parses(String text, int number) {
    Signal s = Signal.parse(text);
    assertEquals(number, s.number());
    assertEquals(text, s.toString()); // kept verbatim for the image config
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "SIGFOO", "SIGSIGKILL", "", "RTMIN+16", "99999999999", "SIG"})
  void rejects(String text) {
    assertEquals("invalid signal: " + text,
        assertThrows(InvalidValueException.class, () -> Signal.parse(text)).getMessage());
  }

  @Test
  void canonicalNames() {
    assertEquals(Optional.of("SIGABRT"), Signal.parse("SIGIOT").name());
    assertEquals(Optional.of("SIGKILL"), Signal.parse("9").name());
    assertEquals(Optional.of("SIGRTMIN+3"), Signal.parse("37").name());
    assertEquals(Optional.empty(), Signal.parse("99").name());
  }
}

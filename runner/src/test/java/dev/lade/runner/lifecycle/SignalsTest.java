package dev.lade.runner.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignalsTest {

  @Test
  void namesAsDockerAcceptsThem() throws ContainerException {
    assertEquals(15, Signals.parse("SIGTERM"));
    assertEquals(15, Signals.parse("TERM"));
    assertEquals(15, Signals.parse("term"));
    assertEquals(10, Signals.parse("SIGUSR1"));
    assertEquals(9, Signals.parse("9"));
    assertEquals(35, Signals.parse("SIGRTMIN+1"));
    assertEquals(63, Signals.parse("RTMAX-1"));
  }

  @Test
  void unknownSignalsAreRefusedWithDockersMessage() {
    assertEquals("Invalid signal: SIGNOPE", assertThrows(ContainerException.class, () -> Signals.parse("SIGNOPE"))
        .getMessage());
    assertThrows(ContainerException.class, () -> Signals.parse("0"));
    assertThrows(ContainerException.class, () -> Signals.parse("65"));
  }
}

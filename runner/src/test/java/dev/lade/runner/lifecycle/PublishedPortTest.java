package dev.lade.runner.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.runner.launch.PublishedPort;
import org.junit.jupiter.api.Test;

/** docker run -p's forms, from Docker's documentation of --publish. */
class PublishedPortTest {

  @Test
  void dockerForms() {
    assertEquals(new PublishedPort("tcp", "0.0.0.0", 8080, 80), PublishedPort.parse("8080:80"));
    assertEquals(new PublishedPort("tcp", "127.0.0.1", 8080, 80), PublishedPort.parse("127.0.0.1:8080:80"));
    assertEquals(new PublishedPort("udp", "0.0.0.0", 53, 53), PublishedPort.parse("53:53/udp"));
    assertEquals("0.0.0.0:8080->80/tcp", PublishedPort.parse("8080:80").toString());
  }

  @Test
  void badPortsAreRefused() {
    assertEquals("Invalid containerPort: http",
        assertThrows(IllegalArgumentException.class, () -> PublishedPort.parse("8080:http")).getMessage());
    assertEquals("Invalid hostPort: 70000",
        assertThrows(IllegalArgumentException.class, () -> PublishedPort.parse("70000:80")).getMessage());
    assertEquals("Invalid proto: sctp",
        assertThrows(IllegalArgumentException.class, () -> PublishedPort.parse("80:80/sctp")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> PublishedPort.parse("80"));
  }
}

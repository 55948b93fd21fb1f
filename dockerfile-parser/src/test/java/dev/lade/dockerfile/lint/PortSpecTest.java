package dev.lade.dockerfile.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortSpecTest {
  @Test
  void splitsIpHostPortAndProtocol() {
    assertEquals(new PortSpec("127.0.0.1:80:80/tcp", "127.0.0.1", "80", "80", "tcp"),
        PortSpec.parse("127.0.0.1:80:80/tcp"));
    assertEquals(new PortSpec("80:80", "", "80", "80", ""), PortSpec.parse("80:80"));
    assertEquals(new PortSpec("[::1]:8080:8080", "[::1]", "8080", "8080", ""), PortSpec.parse("[::1]:8080:8080"));
    assertTrue(PortSpec.parse("80:80").mapsHost());
    assertFalse(PortSpec.parse("80/udp").mapsHost());
  }

  @Test
  void onlyKnownProtocolsAreChecked() {
    assertTrue(PortSpec.parse("80/TcP").checkable());
    assertFalse(PortSpec.parse("80/http").checkable());
    assertFalse(PortSpec.parse("/tcp").checkable());
  }
}

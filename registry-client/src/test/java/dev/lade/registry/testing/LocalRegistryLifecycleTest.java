package dev.lade.registry.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalRegistryLifecycleTest {

  @Test
  void startsQuicklyOnItsOwnPortAndLeavesNothingBehind() throws Exception {
    LocalRegistry first = LocalRegistry.start(RegistryOptions.plainHttp());
    Path directory;
    Instant before = Instant.now();
    try (LocalRegistry second = LocalRegistry.start(RegistryOptions.plainHttp())) {
      // Timed once the JVM is warm: this is the registry's own startup.
      Duration startup = Duration.between(before, Instant.now());
      assertTrue(startup.compareTo(Duration.ofSeconds(2)) < 0, () -> "startup took " + startup);
      assertNotEquals(first.port(), second.port());
      assertTrue(Files.readString(first.logFile()).contains("listening on " + first.host()));
      directory = first.storageDirectory().getParent();
    } finally {
      first.close();
    }

    assertFalse(Files.exists(directory), () -> directory + " still exists");
    assertThrows(
        ConnectException.class,
        () -> new Socket(InetAddress.getLoopbackAddress(), first.port()).close());
  }
}

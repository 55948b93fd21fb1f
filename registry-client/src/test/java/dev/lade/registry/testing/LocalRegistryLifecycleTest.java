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
    Instant before = Instant.now();
    LocalRegistry first = LocalRegistry.start(RegistryOptions.plainHttp());
    Duration startup = Duration.between(before, Instant.now());
    Path directory;
    try (LocalRegistry second = LocalRegistry.start(RegistryOptions.plainHttp())) {
      assertNotEquals(first.port(), second.port());
      assertTrue(startup.compareTo(Duration.ofSeconds(2)) < 0, () -> "startup took " + startup);
      assertTrue(Files.readString(first.logFile()).contains("listening on " + first.host()));
      directory = first.storageDirectory().getParent();
    } finally {
      first.close();
    }

    assertFalse(Files.exists(directory), () -> directory + " still exists");
    assertThrows(
        ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), first.port()).close());
  }
}

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
import org.junit.jupiter.api.Test;

class LocalRegistryLifecycleTest {

  @Test
  void startsOnItsOwnPortAndLeavesNothingBehind() throws Exception {
    LocalRegistry first = LocalRegistry.start(RegistryOptions.plainHttp());
    Path directory;
    try (LocalRegistry second = LocalRegistry.start(RegistryOptions.plainHttp())) {
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

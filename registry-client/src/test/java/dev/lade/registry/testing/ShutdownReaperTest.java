package dev.lade.registry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownReaperTest {

  @Test
  void stopsRegistriesLeftRunningWhenTheJvmExits() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LeakingRegistryMain.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long pid;
    Path directory;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      pid = Long.parseLong(out.readLine());
      directory = Path.of(out.readLine());
    }

    assertEquals(0, child.waitFor(30, TimeUnit.SECONDS) ? child.exitValue() : -1);
    assertFalse(
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "registry still runs");
    assertFalse(Files.exists(directory), () -> directory + " still exists");
  }
}

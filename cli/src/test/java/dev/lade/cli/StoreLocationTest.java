package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {
  @Test
  void ladeRootWins() {
    assertEquals(Path.of("/srv/lade"), StoreLocation.defaultRoot(Map.of("LADE_ROOT", "/srv/lade"), true, "/root"));
  }

  @Test
  void rootUsesVarLib() {
    assertEquals(Path.of("/var/lib/lade"), StoreLocation.defaultRoot(Map.of(), true, "/root"));
  }

  @Test
  void usersUseTheirDataHome() {
    assertEquals(Path.of("/home/ann/.local/share/lade"), StoreLocation.defaultRoot(Map.of(), false, "/home/ann"));
    assertEquals(Path.of("/data/lade"),
        StoreLocation.defaultRoot(Map.of("XDG_DATA_HOME", "/data"), false, "/home/ann"));
  }
}

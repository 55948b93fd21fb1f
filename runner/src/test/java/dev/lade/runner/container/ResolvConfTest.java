package dev.lade.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvConfTest {
  private static final List<String> SYSTEMD = List.of("# managed", "nameserver 127.0.0.53", "options edns0", "search lan");

  @Test
  void hostNetworkKeepsTheHostsResolvConf() {
    assertEquals("# managed\nnameserver 127.0.0.53\noptions edns0\nsearch lan\n", ResolvConf.derive(SYSTEMD, true));
  }

  @Test
  void privateNetworkDropsLoopbackServersAndFallsBackToDockersDefaults() {
    assertEquals("# managed\noptions edns0\nsearch lan\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n",
        ResolvConf.derive(SYSTEMD, false));
    assertEquals("nameserver 10.0.0.2\n", ResolvConf.derive(List.of("nameserver 10.0.0.2", "nameserver ::1"), false));
  }

  @Test
  void aHostWithoutTheFileGivesDockersDefaults() throws Exception {
    assertEquals("nameserver 8.8.8.8\nnameserver 8.8.4.4\n", ResolvConf.derive(Path.of("/no/such/resolv.conf"), false));
    assertEquals("", ResolvConf.derive(Path.of("/no/such/resolv.conf"), true));
  }
}

package dev.lade.runner.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxFilesTest {
  private static final List<String> SYSTEMD = List.of("# managed", "nameserver 127.0.0.53", "options edns0", "search lan");

  @Test
  void hostNetworkKeepsTheHostsResolvConf() {
    assertEquals("# managed\nnameserver 127.0.0.53\noptions edns0\nsearch lan\n", SandboxFiles.resolvConf(SYSTEMD, true));
  }

  @Test
  void privateNetworkDropsLoopbackServersAndFallsBackToDockersDefaults() {
    assertEquals("# managed\noptions edns0\nsearch lan\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n",
        SandboxFiles.resolvConf(SYSTEMD, false));
    assertEquals("nameserver 10.0.0.2\n", SandboxFiles.resolvConf(List.of("nameserver 10.0.0.2", "nameserver ::1"), false));
  }

  @Test
  void environmentGetsBuildKitsDefaults() {
    assertEquals(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "A=1", "HOME=/root"),
        StepRunner.environment(List.of("A=1"), "/root"));
    assertEquals(List.of("PATH=/bin", "HOME=/h"), StepRunner.environment(List.of("PATH=/bin", "HOME=/h"), "/root"));
  }
}

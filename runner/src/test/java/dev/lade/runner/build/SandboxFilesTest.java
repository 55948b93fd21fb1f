package dev.lade.runner.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxFilesTest {
  @Test
  void environmentGetsBuildKitsDefaults() {
    assertEquals(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "A=1", "HOME=/root"),
        StepRunner.environment(List.of("A=1"), "/root"));
    assertEquals(List.of("PATH=/bin", "HOME=/h"), StepRunner.environment(List.of("PATH=/bin", "HOME=/h"), "/root"));
  }
}

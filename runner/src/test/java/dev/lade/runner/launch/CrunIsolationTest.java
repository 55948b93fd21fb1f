package dev.lade.runner.launch;

import dev.lade.runner.testing.ContainerRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The same checks through crun. */
class CrunIsolationTest extends IsolationContract {

  private static final Path HYBRID_UNIFIED = Path.of("/sys/fs/cgroup/unified/cgroup.controllers");

  @Override
  ContainerRuntime runtime(Path stateDir) throws Exception {
    // crun refuses hybrid hosts whose v2 hierarchy holds controllers ("cgroups in hybrid mode not supported").
    Assumptions.assumeFalse(Files.exists(HYBRID_UNIFIED) && !Files.readString(HYBRID_UNIFIED).isBlank(),
        "crun does not run on a hybrid cgroup host with controllers in /sys/fs/cgroup/unified");
    return OciRuntime.onPath("crun", stateDir);
  }

  @Override
  void assertOomReported(ContainerRun run) {
    // crun removes the cgroup with its OOM count; exit 137 is what the caller sees.
  }
}

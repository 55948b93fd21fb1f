package dev.lade.runner.launch;

import dev.lade.runner.testing.ContainerRun;
import java.nio.file.Path;

/** The reference: the same checks through runc. */
class RuncIsolationTest extends IsolationContract {

  @Override
  ContainerRuntime runtime(Path stateDir) throws Exception {
    return OciRuntime.onPath("runc", stateDir);
  }

  @Override
  void assertOomReported(ContainerRun run) {
    // runc removes the cgroup with its OOM count; exit 137 is what the caller sees.
  }
}

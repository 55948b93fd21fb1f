package dev.lade.runner.launch;

import java.nio.file.Path;

/** The reference: the same checks through runc. */
class RuncIsolationTest extends ContainerFixture implements IsolationContract, SeccompContract, ResourceContract {

  @Override
  ContainerRuntime runtime(Path stateDir) throws Exception {
    return OciRuntime.onPath("runc", stateDir);
  }

  /** runc 1.1 with libseccomp 2.5 refuses syscalls it has no name for with the default EPERM. */
  @Override
  public int errnoOfNewerSyscalls() {
    return 1;
  }
}

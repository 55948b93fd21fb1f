package dev.lade.runner.launch;

import java.nio.file.Path;

/**
 * The same checks through crun; on this hybrid cgroup host, crun runs in lade's mount namespace that hides the v2
 * controllers it would refuse ({@link HybridCgroups}).
 */
class CrunIsolationTest extends ContainerFixture implements IsolationContract, SeccompContract, ResourceContract {

  @Override
  ContainerRuntime runtime(Path stateDir) throws Exception {
    return OciRuntime.onPath("crun", stateDir);
  }

  /** crun 1.8 with libseccomp 2.5 refuses syscalls it has no name for with the default EPERM, as runc 1.1. */
  @Override
  public int errnoOfNewerSyscalls() {
    return 1;
  }
}

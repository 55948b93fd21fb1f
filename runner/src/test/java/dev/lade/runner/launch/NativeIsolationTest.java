package dev.lade.runner.launch;

import dev.lade.runner.cgroup.Cgroups;
import java.nio.file.Path;

/** lade's own launcher against the contracts. */
class NativeIsolationTest extends ContainerFixture implements IsolationContract, SeccompContract, ResourceContract {

  @Override
  ContainerRuntime runtime(Path stateDir) throws Exception {
    return new NativeRuntime(LauncherBinary.extract(stateDir.resolveSibling("cache")), stateDir, Cgroups.ROOT, false);
  }
}

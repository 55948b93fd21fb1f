package dev.lade.runner.launch;

import dev.lade.runner.cgroup.Cgroups;
import java.nio.file.Path;

class NativeIsolationTest extends IsolationContract {

  @Override
  ContainerRuntime runtime(Path stateDir) throws Exception {
    return new NativeRuntime(LauncherBinary.extract(stateDir.resolveSibling("cache")), stateDir, Cgroups.ROOT, false);
  }
}

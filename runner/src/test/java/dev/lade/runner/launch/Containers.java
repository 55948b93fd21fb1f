package dev.lade.runner.launch;

import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.testing.ContainerRun;
import java.nio.file.Path;

/** What the contract tests need of a backend under test ({@link ContainerFixture}). */
interface Containers {

  /** A scratch directory of the test. */
  Path dir();

  /** The busybox rootfs the specs run on. */
  Path rootfs();

  /** The backend. */
  ContainerRuntime runtime();

  /** Docker's defaults running {@code command}, with a fresh id (its cgroup {@code /lade/ID}, its host name). */
  RuntimeSpec spec(String... command);

  /** Runs {@code spec} to its end, stdin empty, output captured. */
  ContainerRun run(RuntimeSpec spec) throws Exception;

  /** Runs {@code sh -c script}. */
  ContainerRun sh(String script) throws Exception;

  /** The errno of syscalls newer than the seccomp profile knows. */
  default int errnoOfNewerSyscalls() {
    return 38; // ENOSYS, so that libc falls back to the older syscall (glibc's fchmodat2, for one)
  }
}

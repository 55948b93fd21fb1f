package dev.lade.runner.launch;

import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.testing.BusyboxRootfs;
import dev.lade.runner.testing.ContainerRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend under test with a busybox rootfs (plus the static {@code /probe} helper of src/test/c); the contracts
 * ({@link IsolationContract}, {@link SeccompContract}, {@link ResourceContract}) run their checks through it.
 */
abstract class ContainerFixture implements Containers {

  @TempDir Path dir;
  Path rootfs;
  ContainerRuntime runtime;

  /** The backend under test, with its state under {@code stateDir}. */
  abstract ContainerRuntime runtime(Path stateDir) throws Exception;

  @BeforeEach
  void setUpContainer() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "these containers need root; RootlessTest covers unprivileged users");
    rootfs = BusyboxRootfs.create(Files.createDirectory(dir.resolve("rootfs")));
    Files.copy(probe(), rootfs.resolve("probe"), StandardCopyOption.COPY_ATTRIBUTES);
    runtime = runtime(dir.resolve("state"));
  }

  /** The probe the Maven build compiled from src/test/c/probe.c. */
  static Path probe() throws Exception {
    return Path.of(ContainerFixture.class.getResource("/probe/probe").toURI());
  }

  @Override
  public Path dir() {
    return dir;
  }

  @Override
  public Path rootfs() {
    return rootfs;
  }

  @Override
  public ContainerRuntime runtime() {
    return runtime;
  }

  @Override
  public RuntimeSpec spec(String... command) {
    String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    return DockerDefaults.spec(rootfs.toString(), id, List.of(command));
  }

  @Override
  public ContainerRun run(RuntimeSpec spec) throws Exception {
    return ContainerRun.run(runtime, spec.linux().cgroupsPath().substring("/lade/".length()), spec, dir);
  }

  @Override
  public ContainerRun sh(String script) throws Exception {
    return run(spec("sh", "-c", script));
  }
}

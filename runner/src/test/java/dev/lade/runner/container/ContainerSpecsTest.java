package dev.lade.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.ContainerConfig;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.Namespace;
import dev.lade.runner.spec.ProcessUser;
import dev.lade.runner.spec.Resources;
import dev.lade.runner.spec.RuntimeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSpecsTest {

  static final String ID = "4f1c2b3a5d6e7f8091a2b3c4d5e6f708";
  static final ContainerConfig NGINX_LIKE = ContainerConfig.builder()
      .entrypoint(List.of("/docker-entrypoint.sh")).cmd(List.of("nginx", "-g", "daemon off;"))
      .env(List.of("PATH=/usr/sbin:/usr/bin:/sbin:/bin", "NGINX_VERSION=1.25.3")).workingDir("/srv")
      .user("app").build();

  @TempDir Path rootfs;

  @BeforeEach
  void passwd() throws Exception {
    Files.createDirectories(rootfs.resolve("etc"));
    Files.write(rootfs.resolve("etc/passwd"), List.of("root:x:0:0:root:/root:/bin/sh",
        "app:x:1000:1000::/home/app:/bin/sh"));
    Files.write(rootfs.resolve("etc/group"), List.of("root:x:0:", "video:x:44:app"));
  }

  RuntimeSpec spec(RunOptions options) throws Exception {
    return ContainerSpecs.forImage(ID, rootfs, NGINX_LIKE, options);
  }

  static RunOptions with(Optional<String> entrypoint, List<String> command) {
    RunOptions d = RunOptions.defaults();
    return new RunOptions(d.env(), d.workdir(), d.user(), entrypoint, command, d.mounts(), d.readOnly(),
        d.resources(), d.network(), d.hostname());
  }

  @Test
  void imageDefaults() throws Exception {
    RuntimeSpec spec = spec(RunOptions.defaults());
    assertEquals(List.of("/docker-entrypoint.sh", "nginx", "-g", "daemon off;"), spec.process().args());
    assertEquals("/srv", spec.process().cwd());
    // docker 20.10.24: the primary group first among the supplementary ones, then the groups naming the user
    assertEquals(new ProcessUser(1000, 1000, List.of(1000, 44)), spec.process().user());
    assertEquals("4f1c2b3a5d6e", spec.hostname());
    assertEquals(List.of("PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=4f1c2b3a5d6e", "NGINX_VERSION=1.25.3",
        "HOME=/home/app"), spec.process().env());
    assertTrue(spec.linux().namespaces().contains(Namespace.NETWORK));
  }

  @Test
  void argumentsReplaceCmdButKeepEntrypoint() throws Exception {
    assertEquals(List.of("/docker-entrypoint.sh", "sh"), spec(with(Optional.empty(), List.of("sh"))).process().args());
  }

  @Test
  void entrypointFlagDropsTheImageCmd() throws Exception {
    assertEquals(List.of("/bin/sh"), spec(with(Optional.of("/bin/sh"), List.of())).process().args());
    assertEquals(List.of("echo", "hi"), spec(with(Optional.of(""), List.of("echo", "hi"))).process().args());
  }

  @Test
  void noCommandAtAll() {
    InvalidContainerException e = assertThrows(InvalidContainerException.class,
        () -> ContainerSpecs.forImage(ID, rootfs, ContainerConfig.EMPTY, RunOptions.defaults()));
    assertEquals("no command specified", e.getMessage());
  }

  @Test
  void optionsOverrideTheImage() throws Exception {
    RunOptions options = new RunOptions(List.of("NGINX_VERSION=1.27", "HOME=/tmp", "EXTRA=1"), Optional.of("/w"),
        Optional.of("0:44"), Optional.empty(), List.of(), List.of(Mount.tmpfs("/run")), true,
        Resources.NONE.withPidsLimit(10), NetworkMode.HOST, Optional.of("web"));
    RuntimeSpec spec = spec(options);
    assertEquals(List.of("PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=web", "NGINX_VERSION=1.27", "HOME=/tmp",
        "EXTRA=1"), spec.process().env());
    assertEquals("/w", spec.process().cwd());
    assertEquals(new ProcessUser(0, 44, List.of(44)), spec.process().user(), "docker run -u 0:44: groups=44");
    assertTrue(spec.rootReadonly());
    assertEquals("/run", spec.mounts().get(spec.mounts().size() - 1).destination());
    assertEquals(10, spec.linux().resources().pidsLimit());
    assertFalse(spec.linux().namespaces().contains(Namespace.NETWORK), "--network host shares the host's");
  }

  @Test
  void unknownUserIsAnInvalidContainer() {
    RunOptions d = RunOptions.defaults();
    RunOptions options = new RunOptions(d.env(), d.workdir(), Optional.of("nobody"), d.entrypoint(), d.command(),
        d.mounts(), false, d.resources(), d.network(), d.hostname());
    InvalidContainerException e = assertThrows(InvalidContainerException.class, () -> spec(options));
    assertEquals("unable to find user nobody: no matching entries in passwd file", e.getMessage());
  }
}

package dev.lade.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.testing.ContainerRun;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Docker's default seccomp profile in force: the probe (src/test/c/probe.c) reports each syscall's errno. */
interface SeccompContract extends Containers {

  int EPERM = 1;
  int ENOSYS = 38;

  @Test
  default void dockersProfileRefusesWhatItShould() throws Exception {
    Map<String, Integer> errnos = probe(spec("/probe", "syscalls"));
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("unshare-user", EPERM); // needs no capability: only the filter stops it
    expected.put("add_key", EPERM);
    expected.put("keyctl", EPERM);
    expected.put("kexec_load", EPERM);
    expected.put("clone3", ENOSYS); // so that libc falls back to clone, whose flags the filter can see
    expected.put("socket-vsock", EPERM);
    expected.put("personality-no-randomize", EPERM);
    expected.put("personality-query", 0);
    expected.put("syscall-451", errnoOfNewerSyscalls());
    expected.put("getpid", 0);
    expected.put("fork", 0);
    assertEquals(expected, errnos);
  }

  @Test
  default void withoutTheFilterTheSameSyscallsWork() throws Exception {
    RuntimeSpec spec = spec("/probe", "syscalls");
    Map<String, Integer> errnos = probe(spec.withLinux(spec.linux().withSeccomp(Optional.empty())));
    assertEquals(0, errnos.get("unshare-user"), errnos.toString());
    assertEquals(0, errnos.get("add_key"), errnos.toString());
    assertEquals(0, errnos.get("personality-no-randomize"), errnos.toString());
  }

  private Map<String, Integer> probe(RuntimeSpec spec) throws Exception {
    ContainerRun run = run(spec);
    assertEquals(0, run.code(), run.err());
    Map<String, Integer> errnos = new LinkedHashMap<>();
    run.out().lines().map(line -> line.split(" ")).forEach(f -> errnos.put(f[0], Integer.parseInt(f[1])));
    return errnos;
  }
}

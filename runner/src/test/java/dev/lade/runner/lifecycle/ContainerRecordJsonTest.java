package dev.lade.runner.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.runner.spec.ProcessSpec;
import dev.lade.runner.spec.ProcessUser;
import dev.lade.runner.spec.Rlimit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** container.json, written and read back, and as lade wrote it before (with Jackson's record binding). */
class ContainerRecordJsonTest {
  private static final String ID = "a".repeat(64);
  private static final ContainerRecord RECORD = new ContainerRecord(ID, "web", "nginx:1.25", "sha256:" + "b".repeat(64),
      "2026-11-23T13:00:00.123456789Z",
      new ProcessSpec(List.of("nginx", "-g", "daemon off;"), List.of("PATH=/usr/bin", "HOME=/root"), "/srv",
          new ProcessUser(101, 102, List.of(10, 20)), List.of("CAP_CHOWN", "CAP_KILL"), true,
          List.of(new Rlimit("RLIMIT_NOFILE", 1048576, 1048576))),
      "aaaaaaaaaaaa", "SIGQUIT", true, "0123456789abcdef", "/var/lib/lade/snapshots/active/0123456789abcdef/rootfs",
      List.of("/sys/fs/cgroup/memory/lade/" + ID + "/cgroup.procs"), List.of("0.0.0.0:8080->80/tcp"));

  @Test
  void roundTrips() {
    assertEquals(RECORD, ContainerRecordJson.read(ContainerRecordJson.write(RECORD)));
  }

  @Test
  void readsWhatEarlierLadesWrote() {
    String jackson = """
        {
          "id" : "%s",
          "name" : "web",
          "image" : "nginx:1.25",
          "imageId" : "sha256:%s",
          "created" : "2026-11-23T13:00:00.123456789Z",
          "process" : {
            "args" : [ "nginx", "-g", "daemon off;" ],
            "env" : [ "PATH=/usr/bin", "HOME=/root" ],
            "cwd" : "/srv",
            "user" : {
              "uid" : 101,
              "gid" : 102,
              "additionalGids" : [ 10, 20 ]
            },
            "capabilities" : [ "CAP_CHOWN", "CAP_KILL" ],
            "noNewPrivileges" : true,
            "rlimits" : [ {
              "type" : "RLIMIT_NOFILE",
              "soft" : 1048576,
              "hard" : 1048576
            } ]
          },
          "hostname" : "aaaaaaaaaaaa",
          "stopSignal" : "SIGQUIT",
          "autoRemove" : true,
          "snapshotId" : "0123456789abcdef",
          "rootfs" : "/var/lib/lade/snapshots/active/0123456789abcdef/rootfs",
          "cgroupProcs" : [ "/sys/fs/cgroup/memory/lade/%s/cgroup.procs" ],
          "ports" : [ "0.0.0.0:8080->80/tcp" ]
        }""".formatted(ID, "b".repeat(64), ID);
    assertEquals(RECORD, ContainerRecordJson.read(jackson.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aRecordWithoutItsProcessIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ContainerRecordJson.read(("{\"id\":\"" + ID + "\"}").getBytes(StandardCharsets.UTF_8)));
    assertEquals("process: required field is missing", e.getMessage());
  }
}

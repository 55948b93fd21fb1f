package dev.lade.runner.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {

  private static JsonNode json(RuntimeSpec spec) throws Exception {
    return new ObjectMapper().readTree(ConfigJson.write(spec));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  @Test
  void carriesDockersDefaults() throws Exception {
    JsonNode config = json(DockerDefaults.spec("/tmp/rootfs", "0123456789abcdef", List.of("sh")));

    assertEquals("/tmp/rootfs", config.at("/root/path").asText());
    assertEquals("0123456789ab", config.at("/hostname").asText());
    assertEquals(14, config.at("/process/capabilities/bounding").size());
    assertTrue(strings(config.at("/process/capabilities/bounding")).contains("CAP_NET_BIND_SERVICE"));
    assertTrue(config.at("/process/noNewPrivileges").asBoolean());
    assertEquals("RLIMIT_NOFILE", config.at("/process/rlimits/0/type").asText());
    assertEquals(1024, config.at("/process/rlimits/0/soft").asLong());
    assertEquals(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        strings(config.at("/process/env")));
    assertTrue(strings(config.at("/linux/maskedPaths")).containsAll(List.of("/proc/kcore", "/sys/firmware")));
    assertTrue(strings(config.at("/linux/readonlyPaths")).contains("/proc/sysrq-trigger"));
    assertEquals("/proc", config.at("/mounts/0/destination").asText());
    assertEquals(List.of("rw", "nosuid", "noexec", "nodev"), strings(config.at("/mounts/0/options")));
    assertEquals("/lade/0123456789abcdef", config.at("/linux/cgroupsPath").asText());
    List<String> namespaces = new ArrayList<>();
    config.at("/linux/namespaces").forEach(ns -> namespaces.add(ns.get("type").asText()));
    assertEquals(List.of("pid", "network", "mount", "ipc", "uts", "cgroup"), namespaces);
    assertTrue(config.at("/linux/resources").isEmpty());
  }

  @Test
  void seccompAsDockerHandsItToTheRuntime() throws Exception {
    JsonNode seccomp = json(DockerDefaults.spec("/r", "c", List.of("sh"))).at("/linux/seccomp");
    assertEquals("SCMP_ACT_ERRNO", seccomp.at("/defaultAction").asText());
    assertEquals(1, seccomp.at("/defaultErrnoRet").asInt());
    List<String> allowed = new ArrayList<>();
    JsonNode clone3 = null;
    JsonNode clone = null;
    for (JsonNode rule : seccomp.at("/syscalls")) {
      List<String> names = strings(rule.at("/names"));
      if (rule.at("/action").asText().equals("SCMP_ACT_ALLOW") && rule.at("/args").isMissingNode()) {
        allowed.addAll(names);
      }
      clone3 = names.equals(List.of("clone3")) ? rule : clone3;
      clone = names.equals(List.of("clone")) ? rule : clone;
    }
    assertTrue(allowed.containsAll(List.of("read", "chroot", "ptrace")), "CAP_SYS_CHROOT is a default capability");
    assertFalse(allowed.contains("mount") || allowed.contains("unshare") || allowed.contains("keyctl"));
    assertEquals(38, clone3.at("/errnoRet").asInt());
    assertEquals("SCMP_CMP_MASKED_EQ", clone.at("/args/0/op").asText());
    assertEquals(2114060288L, clone.at("/args/0/value").asLong());
  }

  @Test
  void limitsAsDockerSetsThem() throws Exception {
    RuntimeSpec spec = DockerDefaults.spec("/r", "id", List.of("sh"));
    Resources resources = Resources.NONE.withMemory(64L << 20).withCpus(1.5).withCpuShares(512).withPidsLimit(20);
    JsonNode config = json(spec.withLinux(spec.linux().withResources(resources)));

    assertEquals(64L << 20, config.at("/linux/resources/memory/limit").asLong());
    assertEquals(128L << 20, config.at("/linux/resources/memory/swap").asLong(), "swap defaults to twice memory");
    assertEquals(150_000, config.at("/linux/resources/cpu/quota").asLong());
    assertEquals(100_000, config.at("/linux/resources/cpu/period").asLong());
    assertEquals(512, config.at("/linux/resources/cpu/shares").asLong());
    assertEquals(20, config.at("/linux/resources/pids/limit").asLong());
  }

  @Test
  void nonRootProcessKeepsOnlyTheBoundingSet() throws Exception {
    RuntimeSpec spec = DockerDefaults.spec("/r", "id", List.of("sh"));
    JsonNode config = json(spec.withProcess(spec.process().withUser(new ProcessUser(1000, 1000, List.of(10)))));

    assertEquals(14, config.at("/process/capabilities/bounding").size());
    assertTrue(config.at("/process/capabilities/effective").isEmpty());
    assertEquals(10, config.at("/process/user/additionalGids/0").asInt());
  }

  @Test
  void userNamespaceWritesMappings() throws Exception {
    RuntimeSpec spec = DockerDefaults.spec("/r", "id", List.of("sh"));
    List<IdMapping> map = List.of(new IdMapping(0, 1000, 1));
    JsonNode config = json(spec.withLinux(spec.linux().withUserNamespace(map, map)));

    assertEquals(1000, config.at("/linux/uidMappings/0/hostID").asLong());
    assertFalse(config.at("/linux/gidMappings/0/size").isMissingNode());
  }
}

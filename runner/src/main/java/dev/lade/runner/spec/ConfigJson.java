package dev.lade.runner.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes a {@link RuntimeSpec} as an OCI runtime-spec {@code config.json}, as runc and crun read it. */
public final class ConfigJson {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConfigJson() {}

  /** The config.json document of {@code spec}. */
  public static byte[] write(RuntimeSpec spec) {
    return write(spec, false);
  }

  /** The config.json document of {@code spec}, its process on a terminal of its own when {@code terminal}. */
  public static byte[] write(RuntimeSpec spec, boolean terminal) {
    try {
      return MAPPER.writeValueAsBytes(toJson(spec, terminal));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The config.json document of {@code spec} as a Jackson tree. */
  public static ObjectNode toJson(RuntimeSpec spec) {
    return toJson(spec, false);
  }

  private static ObjectNode toJson(RuntimeSpec spec, boolean terminal) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("ociVersion", RuntimeSpec.OCI_VERSION);
    root.set("process", process(spec.process(), terminal));
    ObjectNode rootFs = root.putObject("root");
    rootFs.put("path", spec.rootPath());
    rootFs.put("readonly", spec.rootReadonly());
    root.put("hostname", spec.hostname());
    ArrayNode mounts = root.putArray("mounts");
    for (Mount mount : spec.mounts()) {
      ObjectNode node = mounts.addObject();
      node.put("destination", mount.destination());
      node.put("type", mount.type());
      node.put("source", mount.source());
      strings(node.putArray("options"), mount.options());
    }
    root.set("linux", linux(spec.linux()));
    return root;
  }

  private static ObjectNode process(ProcessSpec process, boolean terminal) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("terminal", terminal);
    ObjectNode user = node.putObject("user");
    user.put("uid", process.user().uid());
    user.put("gid", process.user().gid());
    if (!process.user().additionalGids().isEmpty()) {
      ArrayNode gids = user.putArray("additionalGids");
      process.user().additionalGids().forEach(gids::add);
    }
    strings(node.putArray("args"), process.args());
    strings(node.putArray("env"), process.env());
    node.put("cwd", process.cwd());
    ObjectNode caps = node.putObject("capabilities");
    // A root process keeps the bounding set; a non-root one gets none across execve, as Docker.
    boolean root = process.user().uid() == 0;
    strings(caps.putArray("bounding"), process.capabilities());
    strings(caps.putArray("effective"), root ? process.capabilities() : List.of());
    strings(caps.putArray("permitted"), root ? process.capabilities() : List.of());
    ArrayNode rlimits = node.putArray("rlimits");
    for (Rlimit rlimit : process.rlimits()) {
      rlimits.addObject().put("type", rlimit.type()).put("hard", rlimit.hard()).put("soft", rlimit.soft());
    }
    node.put("noNewPrivileges", process.noNewPrivileges());
    return node;
  }

  private static ObjectNode linux(LinuxSpec linux) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode namespaces = node.putArray("namespaces");
    for (Namespace namespace : Namespace.values()) {
      if (linux.namespaces().contains(namespace)) {
        namespaces.addObject().put("type", namespace.ociName());
      }
    }
    mappings(node, "uidMappings", linux.uidMappings());
    mappings(node, "gidMappings", linux.gidMappings());
    node.put("cgroupsPath", linux.cgroupsPath());
    node.set("resources", resources(linux.resources()));
    strings(node.putArray("maskedPaths"), linux.maskedPaths());
    strings(node.putArray("readonlyPaths"), linux.readonlyPaths());
    linux.seccomp().ifPresent(profile -> node.set("seccomp", seccomp(profile)));
    return node;
  }

  private static ObjectNode seccomp(SeccompProfile profile) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("defaultAction", "SCMP_ACT_ERRNO");
    node.put("defaultErrnoRet", profile.defaultErrno());
    for (SyscallRule rule : profile.rules()) {
      ObjectNode syscall = node.withArray("syscalls").addObject();
      strings(syscall.putArray("names"), rule.names());
      switch (rule.action()) {
        case SyscallAction.Allow allow -> syscall.put("action", "SCMP_ACT_ALLOW");
        case SyscallAction.Errno errno -> syscall.put("action", "SCMP_ACT_ERRNO").put("errnoRet", errno.errno());
      }
      for (SyscallRule.ArgCondition condition : rule.conditions()) {
        syscall.withArray("args").addObject().put("index", condition.index()).put("value", condition.value())
            .put("valueTwo", condition.valueTwo()).put("op", "SCMP_CMP_" + condition.op().name());
      }
    }
    return node;
  }

  private static ObjectNode resources(Resources resources) {
    ObjectNode node = MAPPER.createObjectNode();
    if (resources.memoryBytes() > 0) {
      ObjectNode memory = node.putObject("memory").put("limit", resources.memoryBytes());
      if (resources.memorySwapBytes() > 0) {
        memory.put("swap", resources.memorySwapBytes());
      }
    }
    if (resources.cpuQuotaMicros() > 0 || resources.cpuShares() > 0) {
      ObjectNode cpu = node.putObject("cpu");
      if (resources.cpuShares() > 0) {
        cpu.put("shares", resources.cpuShares());
      }
      if (resources.cpuQuotaMicros() > 0) {
        cpu.put("quota", resources.cpuQuotaMicros()).put("period", resources.cpuPeriodMicros());
      }
    }
    if (resources.pidsLimit() > 0) {
      node.putObject("pids").put("limit", resources.pidsLimit());
    }
    return node;
  }

  private static void mappings(ObjectNode node, String field, List<IdMapping> mappings) {
    if (mappings.isEmpty()) {
      return;
    }
    ArrayNode array = node.putArray(field);
    for (IdMapping mapping : mappings) {
      array.addObject().put("containerID", mapping.containerId()).put("hostID", mapping.hostId())
          .put("size", mapping.size());
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}

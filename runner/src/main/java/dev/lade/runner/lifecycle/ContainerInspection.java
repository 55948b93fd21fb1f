package dev.lade.runner.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lade.runner.spec.ProcessSpec;
import java.time.Instant;
import java.util.Optional;

/** A container as {@code docker inspect} shows one: the fields lade has, under docker's names. */
public final class ContainerInspection {

  /** Go's zero time, which docker shows for a time that has not come. */
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ContainerInspection() {}

  /** {@code container} as a docker inspect object, in JSON. */
  public static byte[] json(Container container) {
    try {
      return MAPPER.writeValueAsBytes(of(container));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  /** {@code container} as a docker inspect object. */
  public static ObjectNode of(Container container) {
    ContainerRecord record = container.record();
    ProcessSpec process = record.process();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("Id", record.id());
    root.put("Created", record.created());
    root.put("Path", process.args().get(0));
    process.args().subList(1, process.args().size()).forEach(root.putArray("Args")::add);
    root.set("State", state(container.state()));
    root.put("Image", record.imageId());
    root.put("LogPath", container.files().log().toString());
    root.put("Name", "/" + record.name());
    root.putObject("HostConfig").put("AutoRemove", record.autoRemove());
    ObjectNode config = root.putObject("Config");
    config.put("Hostname", record.hostname());
    config.put("User", process.user().uid() + ":" + process.user().gid());
    process.env().forEach(config.putArray("Env")::add);
    process.args().forEach(config.putArray("Cmd")::add);
    config.put("Image", record.image());
    config.put("WorkingDir", process.cwd());
    config.put("StopSignal", record.stopSignal());
    root.putObject("GraphDriver").putObject("Data").put("MergedDir", record.rootfs());
    return root;
  }

  private static ObjectNode state(ContainerState state) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("Status", state.status().dockerName());
    node.put("Running", state.running());
    node.put("Paused", false);
    node.put("Restarting", false);
    node.put("OOMKilled", false);
    node.put("Dead", false);
    node.put("Pid", state.pid());
    node.put("ExitCode", state.exitCode());
    node.put("Error", "");
    node.put("StartedAt", time(state.startedAt()));
    node.put("FinishedAt", time(state.finishedAt()));
    return node;
  }

  private static String time(Optional<Instant> time) {
    return time.map(Instant::toString).orElse(ZERO_TIME);
  }
}

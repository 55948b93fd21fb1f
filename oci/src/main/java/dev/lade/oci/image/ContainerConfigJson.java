package dev.lade.oci.image;

import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonObject;
import java.time.Duration;

/**
 * Reads and writes the {@code config} object of image configs, in the field order of
 * moby/docker-image-spec's {@code DockerOCIImageConfig}: OCI's {@code ImageConfig} fields, then
 * {@code Healthcheck}, {@code OnBuild}, {@code Shell}.
 */
final class ContainerConfigJson {
  private ContainerConfigJson() {}

  static ContainerConfig read(FieldReader r) {
    return ContainerConfig.builder()
        .user(r.string("User"))
        .exposedPorts(r.keySet("ExposedPorts"))
        .env(r.strings("Env"))
        .entrypoint(r.strings("Entrypoint"))
        .cmd(r.strings("Cmd"))
        .volumes(r.keySet("Volumes"))
        .workingDir(r.string("WorkingDir"))
        .labels(r.stringMap("Labels"))
        .stopSignal(r.string("StopSignal"))
        .argsEscaped(r.bool("ArgsEscaped"))
        .healthcheck(r.object("Healthcheck").map(ContainerConfigJson::readHealthcheck).orElse(null))
        .onBuild(r.strings("OnBuild"))
        .shell(r.strings("Shell"))
        .extra(r.unknownFields())
        .build();
  }

  private static Healthcheck readHealthcheck(FieldReader r) {
    long retries = r.integer("Retries");
    if (retries < Integer.MIN_VALUE || retries > Integer.MAX_VALUE) {
      throw r.error("Retries", "out of range: " + retries);
    }
    return new Healthcheck(
        r.strings("Test"),
        Duration.ofNanos(r.integer("Interval")),
        Duration.ofNanos(r.integer("Timeout")),
        Duration.ofNanos(r.integer("StartPeriod")),
        Duration.ofNanos(r.integer("StartInterval")),
        (int) retries);
  }

  static JsonObject write(ContainerConfig c) {
    return JsonObject.builder()
        .putOmitEmpty("User", c.user())
        .putOmitEmpty("ExposedPorts", c.exposedPorts().isEmpty() ? null : JsonObject.ofEmptyObjects(c.exposedPorts()))
        .putOmitEmpty("Env", c.env())
        .putOmitEmpty("Entrypoint", c.entrypoint())
        .putOmitEmpty("Cmd", c.cmd())
        .putOmitEmpty("Volumes", c.volumes().isEmpty() ? null : JsonObject.ofEmptyObjects(c.volumes()))
        .putOmitEmpty("WorkingDir", c.workingDir())
        .putOmitEmpty("Labels", c.labels())
        .putOmitEmpty("StopSignal", c.stopSignal())
        .putOmitEmpty("ArgsEscaped", c.argsEscaped())
        .putOmitEmpty("Healthcheck", c.healthcheck() == null ? null : writeHealthcheck(c.healthcheck()))
        .putOmitEmpty("OnBuild", c.onBuild())
        .putOmitEmpty("Shell", c.shell())
        .putAllSorted(c.extra())
        .build();
  }

  private static JsonObject writeHealthcheck(Healthcheck h) {
    return JsonObject.builder()
        .putOmitEmpty("Test", h.test())
        .putOmitEmpty("Interval", h.interval().toNanos())
        .putOmitEmpty("Timeout", h.timeout().toNanos())
        .putOmitEmpty("StartPeriod", h.startPeriod().toNanos())
        .putOmitEmpty("StartInterval", h.startInterval().toNanos())
        .putOmitEmpty("Retries", h.retries())
        .build();
  }
}

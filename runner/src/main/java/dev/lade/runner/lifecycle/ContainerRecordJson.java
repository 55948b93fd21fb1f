package dev.lade.runner.lifecycle;

import dev.lade.oci.json.CanonicalJson;
import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonArray;
import dev.lade.oci.json.JsonBoolean;
import dev.lade.oci.json.JsonNumber;
import dev.lade.oci.json.JsonObject;
import dev.lade.oci.json.JsonReader;
import dev.lade.oci.json.JsonValue;
import dev.lade.runner.spec.ProcessSpec;
import dev.lade.runner.spec.ProcessUser;
import dev.lade.runner.spec.Rlimit;
import java.util.List;

/**
 * {@code container.json}: a {@link ContainerRecord} with its components' names as keys. Written with lade's own
 * JSON codec rather than a data binder, whose start-up (reflection over the records) cost lade run more than its
 * whole container store.
 */
final class ContainerRecordJson {

  private ContainerRecordJson() {}

  /** The document of {@code record}. */
  static byte[] write(ContainerRecord record) {
    JsonObject json = JsonObject.builder()
        .put("id", record.id())
        .put("name", record.name())
        .put("image", record.image())
        .put("imageId", record.imageId())
        .put("created", record.created())
        .put("process", process(record.process()))
        .put("hostname", record.hostname())
        .put("stopSignal", record.stopSignal())
        .put("autoRemove", JsonBoolean.of(record.autoRemove()))
        .put("snapshotId", record.snapshotId())
        .put("rootfs", record.rootfs())
        .put("cgroupProcs", JsonArray.ofStrings(record.cgroupProcs()))
        .put("ports", JsonArray.ofStrings(record.ports()))
        .build();
    return CanonicalJson.indented(json);
  }

  /**
   * The record in {@code json}.
   *
   * @throws IllegalArgumentException when it is not JSON, a field is missing or of the wrong type, or a value is
   *     invalid
   */
  static ContainerRecord read(byte[] json) {
    FieldReader r = FieldReader.of(JsonReader.parse(json));
    return new ContainerRecord(r.requiredString("id"), r.string("name"), r.string("image"), r.string("imageId"),
        r.string("created"), process(r.requiredObject("process")), r.string("hostname"), r.string("stopSignal"),
        r.bool("autoRemove"), r.string("snapshotId"), r.string("rootfs"), r.strings("cgroupProcs"),
        r.strings("ports"));
  }

  private static JsonObject process(ProcessSpec process) {
    ProcessUser user = process.user();
    JsonObject userJson = JsonObject.builder()
        .put("uid", user.uid())
        .put("gid", user.gid())
        .put("additionalGids", new JsonArray(user.additionalGids().stream()
            .map(gid -> (JsonValue) JsonNumber.of(gid)).toList()))
        .build();
    List<JsonValue> rlimits = process.rlimits().stream().map(limit -> (JsonValue) JsonObject.builder()
        .put("type", limit.type()).put("soft", limit.soft()).put("hard", limit.hard()).build()).toList();
    return JsonObject.builder()
        .put("args", JsonArray.ofStrings(process.args()))
        .put("env", JsonArray.ofStrings(process.env()))
        .put("cwd", process.cwd())
        .put("user", userJson)
        .put("capabilities", JsonArray.ofStrings(process.capabilities()))
        .put("noNewPrivileges", JsonBoolean.of(process.noNewPrivileges()))
        .put("rlimits", new JsonArray(rlimits))
        .build();
  }

  private static ProcessSpec process(FieldReader r) {
    FieldReader user = r.requiredObject("user");
    List<Integer> groups = user.integers("additionalGids").stream().map(Long::intValue).toList();
    return new ProcessSpec(r.strings("args"), r.strings("env"), r.requiredString("cwd"),
        new ProcessUser((int) user.integer("uid"), (int) user.integer("gid"), groups),
        r.strings("capabilities"), r.bool("noNewPrivileges"),
        r.objects("rlimits").stream().map(l -> new Rlimit(l.requiredString("type"), l.integer("soft"),
            l.integer("hard"))).toList());
  }
}

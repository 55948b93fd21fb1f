package dev.lade.oci.image;

import static dev.lade.oci.image.TestFiles.bytes;
import static dev.lade.oci.image.TestFiles.string;
import static dev.lade.oci.image.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.platform.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageConfigTest {
  @Test
  void parsesTheSpecExample() {
    ImageConfig c = ImageConfig.parse(bytes("spec/config.json"));
    assertEquals(Instant.parse("2015-10-31T22:22:56.015925234Z"), c.createdTime().orElseThrow());
    assertEquals("Alyssa P. Hacker <alyspdev@example.com>", c.author());
    assertEquals(Platform.of("linux", "amd64"), c.platform());
    ContainerConfig config = c.config();
    assertEquals("alice", config.user());
    assertEquals(Set.of("8080/tcp"), config.exposedPorts());
    assertEquals(List.of("/bin/my-app-binary"), config.entrypoint());
    assertEquals(List.of("--foreground", "--config", "/etc/my-app.d/default.cfg"), config.cmd());
    assertEquals(Set.of("/var/job-result-data", "/var/log/my-app-logs"), config.volumes());
    assertEquals("/home/alice", config.workingDir());
    assertEquals("https://example.com/project.git", config.labels().get("com.example.project.git.url"));
    assertEquals(
        List.of(
            Digest.parse("sha256:c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1"),
            Digest.parse("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef")),
        c.rootfs().diffIds());
    assertEquals(2, c.history().size());
    assertTrue(c.history().get(1).emptyLayer());
    assertEquals("/bin/sh -c #(nop) CMD [\"sh\"]", c.history().get(1).createdBy());
    assertTrue(c.extra().isEmpty());
    assertTrue(config.extra().isEmpty());
  }

  @Test
  void writesCompactJsonWithSortedTopLevelAndGoFieldOrderInside() {
    ImageConfig c = ImageConfig.parse(bytes("spec/config.json"));
    String expected =
        "{\"architecture\":\"amd64\",\"author\":\"Alyssa P. Hacker \\u003calyspdev@example.com\\u003e\","
            + "\"config\":{\"User\":\"alice\",\"ExposedPorts\":{\"8080/tcp\":{}},"
            + "\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"FOO=oci_is_a\",\"BAR=well_written_spec\"],"
            + "\"Entrypoint\":[\"/bin/my-app-binary\"],\"Cmd\":[\"--foreground\",\"--config\",\"/etc/my-app.d/default.cfg\"],"
            + "\"Volumes\":{\"/var/job-result-data\":{},\"/var/log/my-app-logs\":{}},\"WorkingDir\":\"/home/alice\","
            + "\"Labels\":{\"com.example.project.git.commit\":\"45a939b2999782a3f005621a8d0f29aa387e1d6b\","
            + "\"com.example.project.git.url\":\"https://example.com/project.git\"}},"
            + "\"created\":\"2015-10-31T22:22:56.015925234Z\","
            + "\"history\":[{\"created\":\"2015-10-31T22:22:54.690851953Z\",\"created_by\":\"/bin/sh -c #(nop) ADD"
            + " file:a3bc1e842b69636f9df5256c49c5374fb4eef1e281fe3f282c65fb853ee171c5 in /\"},"
            + "{\"created\":\"2015-10-31T22:22:55.613815829Z\",\"created_by\":\"/bin/sh -c #(nop) CMD [\\\"sh\\\"]\","
            + "\"empty_layer\":true}],\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":"
            + "[\"sha256:c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1\","
            + "\"sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef\"]}}";
    assertEquals(expected, string(c.toJson()));
    assertEquals(c, ImageConfig.parse(c.toJson()));
  }

  @Test
  void aConfigExportedByBuildKitIsWrittenBackByteForByte() {
    byte[] exported = bytes("buildkit-config.json");
    ImageConfig c = ImageConfig.parse(exported);
    assertTrue(c.config().argsEscaped());
    assertEquals("RUN sh -c echo 'flag' > /flag.txt # buildkit", c.history().get(2).createdBy());
    assertArrayEquals(exported, c.toJson());
    assertEquals(Digest.sha256(exported), Digest.sha256(c.toJson()));
  }

  @Test
  void unknownFieldsOfTheOldSpecExampleSurviveARewrite() {
    ImageConfig c = ImageConfig.parse(bytes("spec/config-v1.0-with-resources.json"));
    assertEquals(Set.of("Memory", "MemorySwap", "CpuShares"), c.config().extra().keySet());
    String json = string(c.toJson());
    assertTrue(json.contains("\"Labels\":{"), json);
    assertTrue(json.contains("},\"CpuShares\":8,\"Memory\":2048,\"MemorySwap\":4096},\"created\""), json);
    assertEquals(c, ImageConfig.parse(c.toJson()));
    assertTrue(c.config().withoutExtra().extra().isEmpty());
  }

  @Test
  void dockerClassicBuilderFieldsAreKeptAsExtras() {
    ImageConfig c = ImageConfig.parse(bytes("docker-classic-config.json"));
    assertEquals(Set.of("container", "container_config", "docker_version"), c.extra().keySet());
    assertEquals("\"20.10.23\"", c.extra().get("docker_version").toJson());
    assertTrue(c.config().extra().containsKey("Hostname"));
    assertEquals(List.of("sh"), c.config().cmd());
    String json = string(c.toJson());
    assertTrue(json.startsWith("{\"architecture\":\"amd64\",\"config\":{\"Env\":"), json);
    assertTrue(json.contains("\"container\":\"0f3e8b1f"), json);
    assertEquals(c, ImageConfig.parse(c.toJson()));
  }

  @Test
  void healthcheckAndDockerExtensionsRoundTrip() {
    Healthcheck health =
        new Healthcheck(List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"),
            Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ZERO, 3);
    ContainerConfig config =
        ContainerConfig.builder()
            .env(List.of("PATH=/bin"))
            .stopSignal("SIGQUIT")
            .healthcheck(health)
            .onBuild(List.of("RUN echo hi"))
            .shell(List.of("/bin/bash", "-c"))
            .build();
    ImageConfig c =
        ImageConfig.builder(Platform.parse("linux/arm64/v8"))
            .created(Instant.parse("2024-01-02T03:04:05Z"))
            .config(config)
            .rootfs(RootFs.layers(List.of()))
            .history(List.of(History.of(Instant.parse("2024-01-02T03:04:05Z"), "ENV PATH=/bin", "buildkit.dockerfile.v0", true)))
            .build();
    assertEquals(
        "{\"architecture\":\"arm64\",\"config\":{\"Env\":[\"PATH=/bin\"],\"StopSignal\":\"SIGQUIT\","
            + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"curl -f http://localhost/ || exit 1\"],"
            + "\"Interval\":30000000000,\"Timeout\":3000000000,\"StartPeriod\":5000000000,\"Retries\":3},"
            + "\"OnBuild\":[\"RUN echo hi\"],\"Shell\":[\"/bin/bash\",\"-c\"]},\"created\":\"2024-01-02T03:04:05Z\","
            + "\"history\":[{\"created\":\"2024-01-02T03:04:05Z\",\"created_by\":\"ENV PATH=/bin\","
            + "\"comment\":\"buildkit.dockerfile.v0\",\"empty_layer\":true}],\"os\":\"linux\","
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":null},\"variant\":\"v8\"}",
        string(c.toJson()));
    ImageConfig reparsed = ImageConfig.parse(c.toJson());
    assertEquals(c, reparsed);
    assertEquals(health, reparsed.config().healthcheck());
  }

  @Test
  void nullOptionalFieldsReadAsAbsent() {
    ImageConfig c =
        ImageConfig.parse(utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":null,\"created\":null,"
            + "\"history\":null,\"rootfs\":{\"type\":\"layers\",\"diff_ids\":null}}"));
    assertEquals(ContainerConfig.EMPTY, c.config());
    assertFalse(c.createdTime().isPresent());
    assertTrue(c.rootfs().diffIds().isEmpty());
    assertNull(c.config().healthcheck());
  }

  @Test
  void toBuilderKeepsEverything() {
    ImageConfig c = ImageConfig.parse(bytes("docker-classic-config.json"));
    assertEquals(c, c.toBuilder().build());
    assertEquals(c.config(), c.config().toBuilder().build());
    ImageConfig changed = c.toBuilder().config(c.config().toBuilder().cmd(List.of("true")).build()).build();
    assertEquals(List.of("true"), changed.config().cmd());
    assertEquals(c.extra(), changed.extra());
  }

  private static String invalid(String json) {
    return assertThrows(InvalidImageException.class, () -> ImageConfig.parse(utf8(json))).getMessage();
  }

  @Test
  void validationErrorsNameTheField() {
    String rootfs = "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}";
    assertEquals(
        "invalid image config: config.User: expected a string, got the number 1234",
        invalid("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":1234}," + rootfs + "}"));
    assertEquals("invalid image config: os: required field is missing", invalid("{\"architecture\":\"amd64\"," + rootfs + "}"));
    assertEquals("invalid image config: rootfs: required field is missing", invalid("{\"architecture\":\"amd64\",\"os\":\"linux\"}"));
    assertEquals(
        "invalid image config: rootfs.type: must be \"layers\", got \"snapshot\"",
        invalid("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"snapshot\",\"diff_ids\":[]}}"));
    assertEquals(
        "invalid image config: rootfs.diff_ids[0]: invalid checksum digest format: expected algorithm:hex, got \"abc\"",
        invalid("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"abc\"]}}"));
    assertEquals(
        "invalid image config: created: not an RFC 3339 time: \"yesterday\"",
        invalid("{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"yesterday\"," + rootfs + "}"));
    assertEquals(
        "invalid image config: history[0].empty_layer: expected a boolean, got a string",
        invalid("{\"architecture\":\"amd64\",\"os\":\"linux\"," + rootfs + ",\"history\":[{\"empty_layer\":\"yes\"}]}"));
    assertEquals(
        "invalid image config: config.ExposedPorts.80/tcp: expected an object, got a string",
        invalid("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"ExposedPorts\":{\"80/tcp\":\"\"}}," + rootfs + "}"));
  }

  @Test
  void extraMapsAreImmutable() {
    ImageConfig c = ImageConfig.parse(bytes("docker-classic-config.json"));
    assertThrows(UnsupportedOperationException.class, () -> c.extra().clear());
    assertThrows(UnsupportedOperationException.class, () -> c.config().labels().put("a", "b"));
    assertEquals(Map.of(), c.config().labels());
  }
}

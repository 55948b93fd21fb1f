package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of {@code lade build} that shape what is built and how it shows, each as {@code
 * docker build} documents it: {@code -f}, several {@code -t}, {@code --build-arg}, {@code --label},
 * {@code --platform}, {@code --target}, {@code --progress} and {@code --metadata-file}.
 */
class BuildCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path context;
  private String store;

  @BeforeEach
  void context() throws IOException {
    context = Files.createDirectories(dir.resolve("context"));
    store = dir.resolve("store").toString();
  }

  private CliRun lade(String... args) {
    List<String> all = new ArrayList<>(List.of("--root", store));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  private CliRun build(String dockerfile, String... flags) throws IOException {
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    List<String> args = new ArrayList<>(List.of("build"));
    args.addAll(List.of(flags));
    args.add(context.toString());
    return lade(args.toArray(String[]::new));
  }

  /** The image config {@code lade inspect} shows for {@code name}. */
  private JsonNode config(String name) throws IOException {
    return JSON.readTree(lade("inspect", name).out()).get(0).get("Config");
  }

  @Test
  void fileNamesADockerfileOutsideTheContextOrStdin() throws IOException {
    Path elsewhere = dir.resolve("build/Dockerfile.dev");
    Files.createDirectories(elsewhere.getParent());
    Files.writeString(elsewhere, "FROM scratch\nLABEL from=file\n");
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nLABEL from=context\n");
    CliRun file = lade("build", "--progress", "plain", "-f", elsewhere.toString(), "-t", "f:1", context.toString());
    assertTrue(file.err().contains("[internal] load build definition from " + elsewhere), file.err());
    assertEquals("file", config("f:1").at("/config/Labels/from").asText());

    CliRun stdin = CliRun.withInput("FROM scratch\nLABEL from=stdin\n",
        "--root", store, "build", "--progress", "quiet", "-f", "-", "-t", "f:2", context.toString());
    assertEquals(0, stdin.exitCode(), stdin.err());
    assertEquals("stdin", config("f:2").at("/config/Labels/from").asText());
  }

  @Test
  void everyTagNamesTheImageAndTheMetadataFileSaysWhatWasBuilt() throws IOException {
    Path metadata = dir.resolve("metadata.json");
    Path iid = dir.resolve("iid");
    build("FROM scratch\nWORKDIR /app\n", "--progress", "quiet", "-t", "example.com/app:1", "-t", "app:latest",
        "--metadata-file", metadata.toString(), "--iidfile", iid.toString());
    JsonNode one = JSON.readTree(lade("inspect", "example.com/app:1").out()).get(0);
    JsonNode two = JSON.readTree(lade("inspect", "app").out()).get(0);
    assertEquals(one.get("Digest"), two.get("Digest"));
    JsonNode meta = JSON.readTree(metadata.toFile());
    assertEquals(one.get("Digest").asText(), meta.get("containerimage.digest").asText());
    assertEquals(one.at("/Manifest/config/digest").asText(), meta.get("containerimage.config.digest").asText());
    assertEquals(one.get("Digest").asText(), meta.at("/containerimage.descriptor/digest").asText());
    assertEquals("application/vnd.oci.image.manifest.v1+json", meta.at("/containerimage.descriptor/mediaType").asText());
    assertEquals("example.com/app:1,app:latest", meta.get("image.name").asText());
    assertEquals(one.get("Digest").asText(), Files.readString(iid));
  }

  @Test
  void buildArgsLabelsAndPlatformShapeTheConfig() throws IOException {
    build("""
        ARG BASE_LABEL=base
        FROM scratch
        ARG VERSION=0
        ARG CHANNEL
        LABEL version=$VERSION channel=$CHANNEL kind=$BASE_LABEL
        """, "--progress", "quiet", "-t", "args", "--build-arg", "VERSION=1.2", "--build-arg", "CHANNEL=beta",
        "--label", "kind=overridden", "--label", "org.opencontainers.image.vendor=lade", "--platform", "linux/arm/v7");
    JsonNode config = config("args");
    assertEquals("1.2", config.at("/config/Labels/version").asText());
    assertEquals("beta", config.at("/config/Labels/channel").asText());
    assertEquals("overridden", config.at("/config/Labels/kind").asText(), "--label wins over LABEL, as BuildKit's");
    assertEquals("lade", config.at("/config/Labels/org.opencontainers.image.vendor").asText());
    assertEquals("arm", config.get("architecture").asText());
    assertEquals("v7", config.get("variant").asText());
    assertEquals("linux", config.get("os").asText());
  }

  /** Only the stages the target needs are built: a broken stage nobody needs does not fail the build. */
  @Test
  void targetBuildsOnlyWhatItNeeds() throws IOException {
    CliRun run = build("""
        FROM scratch AS base
        WORKDIR /base
        FROM scratch AS broken
        COPY does-not-exist /x
        FROM base AS app
        WORKDIR /app
        FROM broken
        """, "--progress", "plain", "--target", "app", "-t", "target");
    assertTrue(run.err().contains("[base 1/1] WORKDIR /base"), run.err());
    assertTrue(run.err().contains("[app 1/1] WORKDIR /app"), run.err());
    assertFalse(run.err().contains("broken"), run.err());
    assertEquals("/app", config("target").at("/config/WorkingDir").asText());
  }

  @Test
  void progressModes() throws IOException {
    String dockerfile = "FROM scratch\nWORKDIR /app\n";
    CliRun quiet = build(dockerfile, "--progress", "quiet", "-t", "p");
    assertEquals("", quiet.err());
    assertTrue(quiet.out().strip().matches("sha256:[0-9a-f]{64}"), quiet.out());

    CliRun plain = build(dockerfile, "--progress", "plain", "-t", "p");
    assertTrue(plain.err().contains("#2 [1/1] WORKDIR /app\n#2 CACHED\n"), plain.err());
    assertFalse(plain.err().contains("\033["), "no terminal control in plain output");

    CliRun auto = build(dockerfile, "-t", "p");
    assertEquals(plain.err().replaceAll("DONE \\d+\\.\\d+s", "DONE"), auto.err().replaceAll("DONE \\d+\\.\\d+s", "DONE"),
        "auto is plain when stderr is no terminal");

    CliRun tty = build(dockerfile, "--progress", "tty", "-t", "p");
    assertTrue(tty.err().contains("[+] Building "), tty.err());
    assertTrue(tty.err().contains(" FINISHED"), tty.err());
    assertTrue(tty.err().contains(" => CACHED [1/1] WORKDIR /app"), tty.err());
  }
}

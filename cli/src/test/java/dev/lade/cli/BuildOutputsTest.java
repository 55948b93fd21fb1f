package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.testing.DockerDaemon;
import dev.lade.registry.testing.RegistryExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lade build}'s outputs, each read by another tool: OCI layouts by oci-image-tool and umoci,
 * the Docker archive by {@code docker load}, the pushed image by skopeo; and the files
 * {@code --iidfile} and {@code --metadata-file} write.
 */
class BuildOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOCKERFILE = """
      FROM scratch
      LABEL org.opencontainers.image.title="outputs"
      ENV GREETING=hello
      USER 1000:1000
      WORKDIR /app/data
      CMD ["/app/run"]
      """;

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path dir;
  private Path context;

  @BeforeEach
  void context() throws IOException {
    context = Files.createDirectories(dir.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
  }

  private CliRun build(String... args) {
    List<String> all = new ArrayList<>(List.of("--root", dir.resolve("store").toString(), "build", "--progress", "plain"));
    all.addAll(List.of(args));
    all.add(context.toString());
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  @Test
  void ociTarAndDirectoryAreValidLayoutsUmociUnpacks() throws Exception {
    Path tar = dir.resolve("out/image.tar");
    Path layout = dir.resolve("layout");
    build("-t", "example.com/outputs:1", "-o", "type=oci,dest=" + tar, "-o", "type=oci,dest=" + layout + ",tar=false");

    Path unpacked = Files.createDirectories(dir.resolve("from-tar"));
    untar(tar, unpacked);
    for (Path l : List.of(layout, unpacked)) {
      // oci-image-tool 1.0.0-rc1 validates a layout given --type image (its --type imageLayout is
      // "unimplemented"): it detects the layout and checks every ref's manifest, config and layers.
      Tool.Result valid = Tool.run("oci-image-tool", "validate", "--type", "image", l.toString());
      assertEquals(0, valid.exitCode(), valid.output());
      assertTrue(valid.output().contains("autodetected image file type is: imageLayout"), valid.output());
      assertTrue(valid.output().contains("Validation succeeded"), valid.output());
    }
    assertEquals(Files.readString(layout.resolve("index.json")), Files.readString(unpacked.resolve("index.json")));
    Path bundle = dir.resolve("bundle");
    Tool.Result unpack = Tool.run("umoci", "unpack", "--rootless", "--image", layout + ":1", bundle.toString());
    assertEquals(0, unpack.exitCode(), unpack.output());
    assertTrue(Files.isDirectory(bundle.resolve("rootfs/app/data")));
    JsonNode runtime = JSON.readTree(bundle.resolve("config.json").toFile());
    assertEquals("/app/data", runtime.at("/process/cwd").asText());
    assertTrue(runtime.at("/process/env").toString().contains("GREETING=hello"), runtime.toString());
  }

  @Test
  void dockerLoadsTheDockerArchive() throws Exception {
    String why = DockerDaemon.unavailableReason();
    assumeTrue(why == null, why);
    Path tar = dir.resolve("docker.tar");
    Path iid = dir.resolve("iid");
    build("-t", "lade-outputs/docker:1", "-o", "type=docker,dest=" + tar, "--iidfile", iid.toString());

    DockerDaemon docker = DockerDaemon.shared();
    assertTrue(docker.load(tar).stdout().contains("Loaded image: lade-outputs/docker:1"));
    JsonNode inspected = JSON.readTree(docker.dockerOk("image", "inspect", "lade-outputs/docker:1").stdout()).get(0);
    assertEquals("/app/data", inspected.at("/Config/WorkingDir").asText());
    assertEquals("outputs", inspected.at("/Config/Labels/org.opencontainers.image.title").asText());
    assertEquals("1000:1000", inspected.at("/Config/User").asText());
    assertTrue(Files.readString(iid).matches("sha256:[0-9a-f]{64}"), Files.readString(iid));
  }

  @Test
  void localWritesTheRootFilesystem() throws Exception {
    Path out = dir.resolve("rootfs");
    build("-o", "type=local,dest=" + out);
    assertTrue(Files.isDirectory(out.resolve("app/data")));
    try (var children = Files.list(out)) {
      assertEquals(List.of("app"), children.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void pushesToARegistryAndWritesIidAndMetadataAsBuildx() throws Exception {
    String name = registry.host() + "/lade/outputs:1";
    Path iid = dir.resolve("iid.txt");
    Path metadata = dir.resolve("metadata.json");
    build("-t", name, "-o", "type=image,push=true", "--iidfile", iid.toString(), "--metadata-file", metadata.toString());

    String pushed = Skopeo.digest(name);
    JsonNode meta = JSON.readTree(metadata.toFile());
    assertEquals(pushed, meta.get("containerimage.digest").asText());
    assertEquals(pushed, Files.readString(iid));
    assertEquals(pushed, meta.at("/containerimage.descriptor/digest").asText());
    assertEquals(name, meta.get("image.name").asText());
    byte[] config = Skopeo.run("inspect", "--tls-verify=false", "--config", "--raw", "docker://" + name);
    assertEquals(Digest.sha256(config).toString(), meta.get("containerimage.config.digest").asText());
    CliRun images = CliRun.of("--root", dir.resolve("store").toString(), "images");
    assertTrue(images.out().contains("lade/outputs"), "the pushed image is also in the store: " + images.out());
  }

  @Test
  void pushFlagPushesEveryTag() throws Exception {
    String first = registry.host() + "/lade/pushed:1";
    String second = registry.host() + "/lade/pushed:2";
    Path metadata = dir.resolve("metadata.json");
    build("-t", first, "-t", second, "--push", "--metadata-file", metadata.toString());
    String digest = JSON.readTree(metadata.toFile()).get("containerimage.digest").asText();
    assertEquals(digest, Skopeo.digest(first));
    assertEquals(digest, Skopeo.digest(second));
  }

  @Test
  void pullsTheBaseImageFromItsRegistry() throws Exception {
    String base = registry.host() + "/lade/base:1";
    pushBusybox(base);
    Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nLABEL pulled=yes\n");

    CliRun built = build("-t", "child");

    assertTrue(built.err().contains("[internal] load metadata for " + base), built.err());
    CliRun images = CliRun.of("--root", dir.resolve("store").toString(), "images");
    assertTrue(images.out().contains("lade/base"), "the base was pulled into the store: " + images.out());
  }

  /** Without --pull the store's image of the name is the base; with it, the registry's. */
  @Test
  void pullTakesTheBaseFromTheRegistryEvenWhenStored() throws Exception {
    String base = registry.host() + "/lade/pulled:1";
    pushBusybox(base);
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nLABEL origin=store\n");
    build("-o", "type=image,name=" + base);

    Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nLABEL child=yes\n");
    build("-t", "from-store");
    build("-t", "from-registry", "--pull");

    String store = dir.resolve("store").toString();
    JsonNode stored = JSON.readTree(CliRun.of("--root", store, "inspect", "from-store").out()).get(0);
    JsonNode pulled = JSON.readTree(CliRun.of("--root", store, "inspect", "from-registry").out()).get(0);
    assertEquals("store", stored.at("/Config/config/Labels/origin").asText());
    assertTrue(pulled.at("/Config/config/Labels/origin").isMissingNode(), pulled.toString());
    assertEquals(1, pulled.at("/Manifest/layers").size(), "the registry's busybox layer");
  }

  /** Pushes a busybox image as {@code name} from a store of its own. */
  private void pushBusybox(String name) throws IOException {
    String other = dir.resolve("other-store").toString();
    Path rootfs = dev.lade.oci.testing.BusyboxRootfs.writeTar(dir.resolve("rootfs.tar"));
    assertEquals(0, CliRun.of("--root", other, "import", rootfs.toString(), name).exitCode());
    assertEquals(0, CliRun.of("--root", other, "push", name).exitCode());
  }

  private static void untar(Path tar, Path into) throws IOException {
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path target = into.resolve(e.getName()).normalize();
        assertTrue(target.startsWith(into), e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
  }

  /** Runs a tool of tools/test-packages.txt, skipping the test when it is missing. */
  static final class Tool {
    record Result(int exitCode, String output) {}

    static Result run(String... command) throws IOException, InterruptedException {
      boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
          .anyMatch(d -> Files.isExecutable(Path.of(d, command[0])));
      assumeTrue(found, command[0] + " is not installed (see tools/test-packages.txt)");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
  }
}

package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lade.oci.testing.BusyboxRootfs;
import dev.lade.oci.testing.DockerDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives move between lade and Docker 20.10 (Debian's docker.io, a private daemon) unchanged:
 * Docker's image id is the config digest and its RootFS.Layers are the config's DiffIDs, so equal
 * ids mean identical configs.
 */
class DockerInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DockerDaemon docker;

  @TempDir Path dir;

  @BeforeAll
  static void requireDocker() throws IOException {
    String why = DockerDaemon.unavailableReason();
    assumeTrue(why == null, () -> "Docker interop not tested: " + why);
    docker = DockerDaemon.shared();
  }

  @Test
  void dockerLoadsWhatLadeSavesAndRunsIt() throws IOException {
    String root = dir.resolve("store").toString();
    CliRun imported = CliRun.of("--root", root, "import",
        BusyboxRootfs.writeTar(dir.resolve("rootfs.tar")).toString(), "lade-interop/saved:1");
    assertEquals(0, imported.exitCode(), imported.err());
    Path archive = dir.resolve("saved.tar");
    CliRun save = CliRun.of("--root", root, "save", "lade-interop/saved:1", "-o", archive.toString(), "--format", "docker");
    assertEquals(0, save.exitCode(), save.err());

    assertTrue(docker.load(archive).stdout().contains("Loaded image: lade-interop/saved:1"));

    JsonNode lade = inspect(root, "lade-interop/saved:1");
    assertEquals(configDigest(lade), dockerField("lade-interop/saved:1", "{{.Id}}"));
    assertEquals(diffIds(lade), dockerLayers("lade-interop/saved:1"));
    assertTrue(Long.parseLong(dockerField("lade-interop/saved:1", "{{.Size}}")) > Files.size(BusyboxRootfs.BUSYBOX),
        "the loaded image holds its layer's content");
    docker.dockerOk("run", "--rm", "--network", "host", "lade-interop/saved:1", "/bin/busybox", "true");
  }

  @Test
  void ladeLoadsWhatDockerSavesWithTheSameConfigAndLayers() throws IOException {
    String base = "lade-interop/base:1";
    docker.importRootfs(BusyboxRootfs.writeTar(dir.resolve("rootfs.tar")), base);
    Path context = Files.createDirectories(dir.resolve("context"));
    Files.writeString(context.resolve("greeting.txt"), "hello from docker\n");
    Path dockerfile = Files.writeString(dir.resolve("Dockerfile"),
        "FROM " + base + "\nCOPY greeting.txt /srv/\nENV GREETING=hello\nCMD [\"/bin/cat\", \"/srv/greeting.txt\"]\n");
    docker.build(context, dockerfile, "lade-interop/built:1");
    Path archive = dir.resolve("docker.tar");
    docker.save(archive, "lade-interop/built:1");

    String root = dir.resolve("store").toString();
    CliRun load = CliRun.of("--root", root, "load", "-i", archive.toString());
    assertEquals(0, load.exitCode(), load.err());
    assertEquals("Loaded image: lade-interop/built:1\n", load.out());

    JsonNode lade = inspect(root, "lade-interop/built:1");
    assertEquals(dockerField("lade-interop/built:1", "{{.Id}}"), configDigest(lade));
    assertEquals(dockerLayers("lade-interop/built:1"), diffIds(lade));
    assertEquals(2, diffIds(lade).size(), "the imported base and COPY's layer");
    assertTrue(lade.at("/Config/config/Env").toString().contains("\"GREETING=hello\""), lade::toString);
    assertEquals(0, CliRun.of("--root", root, "fsck").exitCode());
  }

  @Test
  void aRoundTripThroughDockerKeepsTheConfigDigest() throws IOException {
    String root = dir.resolve("store").toString();
    CliRun imported = CliRun.of("--root", root, "import",
        BusyboxRootfs.writeTar(dir.resolve("rootfs.tar")).toString(), "lade-interop/round:1");
    assertEquals(0, imported.exitCode(), imported.err());
    String before = configDigest(inspect(root, "lade-interop/round:1"));
    Path saved = dir.resolve("lade.tar");
    assertEquals(0, CliRun.of("--root", root, "save", "lade-interop/round:1", "-o", saved.toString()).exitCode());
    assertTrue(docker.load(saved).ok());
    Path resaved = dir.resolve("docker.tar");
    docker.save(resaved, "lade-interop/round:1");

    String other = dir.resolve("other").toString();
    CliRun load = CliRun.of("--root", other, "load", "-i", resaved.toString());
    assertEquals(0, load.exitCode(), load.err());

    JsonNode back = inspect(other, "lade-interop/round:1");
    assertEquals(before, configDigest(back));
    assertEquals(diffIds(inspect(root, "lade-interop/round:1")), diffIds(back));
  }

  private static JsonNode inspect(String root, String image) throws IOException {
    CliRun run = CliRun.of("--root", root, "inspect", image);
    assertEquals(0, run.exitCode(), run.err());
    return JSON.readTree(run.out()).get(0);
  }

  private static String configDigest(JsonNode inspected) {
    return inspected.at("/Manifest/config/digest").asText();
  }

  private static List<String> diffIds(JsonNode inspected) {
    List<String> ids = new ArrayList<>();
    inspected.at("/Config/rootfs/diff_ids").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private static String dockerField(String image, String template) throws IOException {
    return docker.dockerOk("image", "inspect", "-f", template, image).stdout().strip();
  }

  private static List<String> dockerLayers(String image) throws IOException {
    List<String> ids = new ArrayList<>();
    JSON.readTree(dockerField(image, "{{json .RootFS.Layers}}")).forEach(id -> ids.add(id.asText()));
    return ids;
  }
}

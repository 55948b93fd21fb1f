package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.testing.BusyboxRootfs;
import dev.lade.oci.testing.DockerDaemon;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RUN builds of testdata/build/run-* by lade and by BuildKit (dockerd 20.10) on the same imported
 * busybox base: configs, histories and every layer's entries must be equal, and a secret must be
 * in neither image.
 *
 * <p>No {@code --build-arg} here: dockerd 20.10 records {@code ARG} declarations as written, where
 * current BuildKit (and lade) records the value in effect; build arguments reaching RUN are tested
 * in {@link RunBuildTest} and the builder's tests.
 */
class RunDifferentialTest {
  private static final String BASE = "lade-run-base";
  private static final String SECRET = "s3cr3t-token-value";

  @TempDir static Path work;
  private static DockerDaemon docker;
  private static String store;
  private static Path secretFile;
  private static Path agent;
  private static ServerSocketChannel agentChannel;

  @BeforeAll
  static void bases() throws IOException {
    String why = DockerDaemon.unavailableReason();
    assumeTrue(why == null, () -> "RUN not compared with BuildKit: " + why);
    docker = DockerDaemon.shared();
    Path rootfs = BusyboxRootfs.writeTar(work.resolve("rootfs.tar"));
    docker.importRootfs(rootfs, BASE);
    store = work.resolve("store").toString();
    CliRun imported = CliRun.of("--root", store, "import", rootfs.toString(), BASE);
    assertEquals(0, imported.exitCode(), imported.err());
    secretFile = Files.writeString(work.resolve("token"), SECRET);
    // An SSH agent's socket as both clients forward it; nothing needs to answer on it.
    agent = Files.createTempDirectory(Path.of("/tmp"), "lade-agent-").resolve("agent.sock");
    agentChannel = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(agent));
  }

  @AfterAll
  static void closeAgent() throws IOException {
    if (agentChannel != null) agentChannel.close();
    if (agent != null) {
      Files.deleteIfExists(agent);
      Files.deleteIfExists(agent.getParent());
    }
  }

  @Test
  void filesystemChangesAndEnvironmentMatchBuildKit() throws IOException {
    compare("run-basic");
  }

  @Test
  void copySnapshotsWithoutOverlayMatchBuildKit() throws IOException {
    compare("run-basic", List.of("--snapshotter", "copy"), "--no-cache");
  }

  @Test
  void everyMountTypeMatchesBuildKitAndSecretsStayOut() throws IOException {
    String[] flags = {"--secret", "id=token,src=" + secretFile, "--ssh", "default=" + agent};
    compare("run-mounts", flags);
  }

  @Test
  void rootlessOverlayBuildMatchesBuildKit() throws Exception {
    // overlayfs with userxattr, mounted by the launcher in its user namespace (what auto picks on Linux 6.7+)
    compareRootless(List.of("--snapshotter", "overlay"));
  }

  @Test
  void rootlessCopyBuildMatchesBuildKit() throws Exception {
    compareRootless(List.of("--snapshotter", "copy"));
  }

  /** run-rootless built by lade as nobody (with {@code ladeOnly}'s global options) and by BuildKit. */
  private static void compareRootless(List<String> ladeOnly) throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "setpriv to nobody needs root; CI runs as root");
    Path context = CliRun.repoPath("testdata/build/run-rootless");
    Path theirs = dockerBuild("run-rootless", context);
    try (AsNobody nobody = AsNobody.create()) {
      List<String> lade = new ArrayList<>(List.of("--root", nobody.home().resolve("store").toString()));
      lade.addAll(ladeOnly);
      Path rootfs = BusyboxRootfs.writeTar(nobody.home().resolve("rootfs.tar"));
      List<String> importing = new ArrayList<>(lade);
      importing.addAll(List.of("import", rootfs.toString(), BASE));
      CliRun imported = nobody.run(importing);
      assertEquals(0, imported.exitCode(), imported.err());
      Path ours = nobody.home().resolve("ours.tar");
      List<String> building = new ArrayList<>(lade);
      building.addAll(List.of("build", "--progress", "plain", "-o", "type=docker,dest=" + ours, context.toString()));
      CliRun built = nobody.run(building);
      assertEquals(0, built.exitCode(), built.err());
      assertSameImage("run-rootless", SavedImageDump.read(theirs), SavedImageDump.read(ours));
    }
  }

  private static Path dockerBuild(String fixture, Path context, String... flags) throws IOException {
    docker.build(context, context.resolve("Dockerfile"), "lade-" + fixture, flags);
    Path theirs = Files.createTempFile(work, fixture + "-docker", ".tar");
    docker.save(theirs, "lade-" + fixture);
    return theirs;
  }

  private static void compare(String fixture, String... flags) throws IOException {
    compare(fixture, List.of(), flags);
  }

  /** Builds {@code fixture} with both; {@code ladeOnly} are lade's global options, {@code flags} both builds'. */
  private static void compare(String fixture, List<String> ladeOnly, String... flags) throws IOException {
    Path context = CliRun.repoPath("testdata/build/" + fixture);
    Path theirs = dockerBuild(fixture, context, flags);

    Path ours = Files.createTempFile(work, fixture + "-lade", ".tar");
    List<String> args = new ArrayList<>(List.of("--root", store));
    args.addAll(ladeOnly);
    args.addAll(List.of("build", "--progress", "plain", "-o", "type=docker,dest=" + ours));
    args.addAll(List.of(flags));
    args.add(context.toString());
    CliRun built = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, built.exitCode(), built.err());

    SavedImageDump actual = SavedImageDump.read(ours);
    assertSameImage(fixture, SavedImageDump.read(theirs), actual);
    assertFalse(actual.text().contains(SECRET), fixture + ": a secret reached lade's image");
    assertFalse(built.err().contains(SECRET), fixture + ": a secret reached the progress output");
  }

  private static void assertSameImage(String fixture, SavedImageDump expected, SavedImageDump actual) {
    assertEquals(expected.config(), actual.config(), fixture + ": config");
    // The base's history entry names the import; the rest is the Dockerfile's. dockerd 20.10's
    // frontend leaves COPY's --chown and --chmod out of created_by, later BuildKit (and lade) write them.
    assertEquals(expected.history().subList(1, expected.history().size()),
        actual.history().subList(1, actual.history().size()).stream()
            .map(h -> h.startsWith("COPY ") ? h.replaceAll(" --ch(own|mod)=\\S+", "") : h).toList(), fixture + ": history");
    assertEquals(expected.layers().size(), actual.layers().size(), fixture + ": layer count");
    for (int i = 1; i < expected.layers().size(); i++) {
      assertEquals(expected.layers().get(i), actual.layers().get(i),
          fixture + ": layer " + i + " (" + expected.history().get(i) + ")");
    }
    assertFalse(expected.text().contains(SECRET), "BuildKit keeps secrets out of images");
  }
}

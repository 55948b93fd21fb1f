package dev.lade.buildkit.fs.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.buildkit.build.BuildEnvironment;
import dev.lade.buildkit.build.BuildRequest;
import dev.lade.buildkit.build.BuiltImage;
import dev.lade.buildkit.build.ImageBuilder;
import dev.lade.buildkit.build.StandardFileSystems;
import dev.lade.buildkit.progress.BuildProgress;
import dev.lade.oci.archive.ImageLoader;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.History;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.testing.BusyboxRootfs;
import dev.lade.oci.testing.DockerDaemon;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds the Dockerfiles of testdata/build/copy-basic with lade's {@link ImageBuilder} (the real
 * file systems, as {@code lade build} wires them) and with BuildKit in dockerd 20.10, and compares
 * the two images layer by layer, path by path ({@link LayerDescriptions}), and their history.
 * ADD's URLs are served from the context by a local HTTP server, which dockerd reaches through
 * {@code --network host}.
 */
class BuildDifferentialTest {
  @TempDir static Path work;
  private static Path context;
  private static DockerDaemon docker;
  private static HttpServer server;

  @BeforeAll
  static void baseImage() throws IOException {
    String unavailable = DockerDaemon.unavailableReason();
    assumeTrue(unavailable == null, unavailable);
    context = CopyContexts.prepare("copy-basic", work.resolve("context"));
    docker = DockerDaemon.shared();
    docker.importRootfs(BusyboxRootfs.writeTar(work.resolve("rootfs.tar")), "lade-copy-base");
    docker.save(work.resolve("base.tar"), "lade-copy-base");
    Files.writeString(context.resolve("served.txt"), "served over HTTP\n");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", BuildDifferentialTest::serve);
    server.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) server.stop(0);
  }

  /**
   * A context file, with the Last-Modified time ADD gives the downloaded file. java.time writes days
   * below 10 with one digit, which Go's parser refuses (the file then gets time 0): the archives'
   * fixed time (the 5th) is one such, today's date may be another.
   */
  private static void serve(HttpExchange exchange) throws IOException {
    Path file = context.resolve(exchange.getRequestURI().getPath().substring(1));
    if (!Files.isRegularFile(file)) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME
        .format(Files.getLastModifiedTime(file).toInstant().atZone(ZoneOffset.UTC)));
    exchange.sendResponseHeaders(200, Files.size(file));
    try (OutputStream body = exchange.getResponseBody()) {
      Files.copy(file, body);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile", "stages.Dockerfile", "remote.Dockerfile", "corners.Dockerfile"})
  void imageMatchesBuildKit(String dockerfile, @TempDir Path dir) throws IOException {
    String url = "URL=http://127.0.0.1:" + server.getAddress().getPort();
    docker.build(context, context.resolve(dockerfile), "lade-build-diff", "--build-arg", url);
    docker.save(dir.resolve("saved.tar"), "lade-build-diff");
    OciLayoutStore store = OciLayoutStore.open(dir.resolve("store"));
    DockerImageLayers theirs = DockerImageLayers.read(dir.resolve("saved.tar"), store.blobs());

    ImageLoader.load(store, work.resolve("base.tar"));
    BuiltImage ours;
    try (StandardFileSystems files = StandardFileSystems.open(dir.resolve("scratch"), dir.resolve("checksums"))) {
      BuildEnvironment env = new BuildEnvironment(store, files, files, Optional.empty(),
          domain -> { throw new IOException("no registry in this test: " + domain); },
          BuildProgress.quiet(), Clock.systemUTC());
      BuildRequest request = BuildRequest.of(Files.readAllBytes(context.resolve(dockerfile)), context);
      ours = new ImageBuilder(env).build(new BuildRequest(request.dockerfile(), dockerfile,
          Optional.of(context.resolve(dockerfile)), context, Map.of("URL", url.substring(4)), request.target(),
          request.platform(), request.labels(), false, false, request.compression(), Optional.empty()));
    }

    // dockerd 20.10's frontend leaves COPY's --chown and --chmod, and a build argument's value, out
    // of created_by; later BuildKit writes them, as lade does: those known differences of the old
    // frontend are taken out before comparing.
    assertEquals(theirs.history(), ours.config().value().history().stream()
        .map(h -> h.createdBy().replaceAll(" --ch(own|mod)=\\S+", "").replaceAll("^ARG (\\w+)=\\S*$", "ARG $1")
            + (h.emptyLayer() ? " (empty layer)" : ""))
        .toList(), "history");
    List<Digest> layers = ours.manifest().value().layers().stream().map(Descriptor::digest).toList();
    assertEquals(theirs.layers().size(), layers.size(), "layer count");
    for (int i = 0; i < layers.size(); i++) {
      assertEquals(LayerDescriptions.of(store.blobs(), theirs.layers().get(i)),
          LayerDescriptions.of(store.blobs(), layers.get(i)), dockerfile + " layer " + i + ": " + theirs.createdBy().get(i));
    }
    assertTrue(layers.size() >= 5, "compared " + layers.size() + " layers");
  }
}

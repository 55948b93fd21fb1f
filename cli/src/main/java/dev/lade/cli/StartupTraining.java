package dev.lade.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The training run the {@code lade} launcher records its JVM start-up cache (JDK 25's AOT cache) from: the classes,
 * linkage and lambda forms the run uses are stored, so later runs skip loading and linking them. It uses the paths a
 * user waits on most: help, a first build and a no-op rebuild on a base image from the store, a registry copy, reading the
 * store, and a container run, all in a throw-away store so that the user's is never touched.
 */
public final class StartupTraining {
  private static final String DOCKERFILE = """
      FROM training-base
      ENV APP=/app PATH=/app/bin:$PATH
      LABEL org.opencontainers.image.title="training"
      WORKDIR /app
      ARG VERSION=1.0
      LABEL version=$VERSION
      EXPOSE 8080/tcp
      USER 1000:1000
      ENTRYPOINT ["sh", "-c"]
      CMD ["echo $APP"]
      """;
  /** Also trains COPY, where the build engine carries it out; a build that cannot is still worth its classes. */
  private static final String COPYING = "FROM training-base\nCOPY file.txt /app/\n";

  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("lade-training");
    try {
      train(dir);
    } finally {
      deleteTree(dir);
    }
  }

  private static void train(Path dir) throws IOException {
    String root = dir.resolve("store").toString();
    Path context = Files.createDirectories(dir.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    Files.writeString(context.resolve("Copying.Dockerfile"), COPYING);
    Files.writeString(context.resolve("file.txt"), "training\n");
    Path base = writeRootfs(dir.resolve("rootfs.tar"));
    run("--help");
    run("build", "--help");
    run("--root", root, "import", base.toString(), "training-base");
    for (String progress : new String[] {"plain", "quiet", "plain"}) {
      run("--root", root, "build", "--progress", progress, "-t", "training:1", context.toString());
    }
    run("--root", root, "build", "--progress", "plain", "-f", context.resolve("Copying.Dockerfile").toString(),
        context.toString());
    // A registry copy that fails fast (nothing listens on port 9) loads what registry commands need, where start-up
    // costs most: a mount-only copy took 1.7 CPU-s trained on help alone, 1.5 trained so (bench/RESULTS.md).
    run("--root", root, "copy", "-q", "docker://127.0.0.1:9/lade/aot-training:1", "docker://127.0.0.1:9/lade/aot-training:2");
    run("--root", root, "images");
    run("--root", root, "inspect", "training:1");
    // A container (its command is missing from the one-file image: the launch fails at exec, after everything
    // lade does, as any container start) and the listing of containers.
    run("--root", root, "run", "--rm", "training-base", "true");
    run("--root", root, "ps", "-a");
  }

  private static void run(String... args) {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    Main.run(nowhere, nowhere, args);
  }

  /** A root filesystem of one file, for {@code lade import}. */
  private static Path writeRootfs(Path tar) throws IOException {
    byte[] hostname = "training\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
      TarArchiveEntry entry = new TarArchiveEntry("etc/hostname");
      entry.setSize(hostname.length);
      out.putArchiveEntry(entry);
      out.write(hostname);
      out.closeArchiveEntry();
    }
    return tar;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
    }
  }
}

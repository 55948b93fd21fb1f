package dev.lade.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The training run the {@code lade} launcher records its JVM start-up cache (JDK 25's AOT cache) from: the classes,
 * linkage and lambda forms the run uses are stored, so later runs skip loading and linking them. The JVM loads every
 * class of its cache at start, so each family of commands has a cache of its own, trained on what the family's
 * commands load and nothing else: {@code containers} (a container run and the container listing), {@code build} (a
 * first build and a no-op rebuild on a base image from the store), {@code registry} (registry transfers) and
 * {@code lade}, the rest (help, the version, reading and importing into the store). Each runs in a throw-away store
 * so that the user's is never touched.
 */
public final class StartupTraining {
  private static final String DOCKERFILE = """
      FROM training-base
      ENV APP=/app PATH=/app/bin:$PATH
      LABEL org.opencontainers.image.title="training"
      WORKDIR /app
      COPY file.txt ./
      COPY file.txt other.txt ./data/
      COPY src/ ./src/
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

  /** Trains the family {@code args[0]} names: {@code containers}, {@code build}, {@code registry}, else {@code lade}. */
  public static void main(String[] args) throws IOException {
    String family = args.length > 0 ? args[0] : "lade";
    Path dir = Files.createTempDirectory("lade-training");
    try {
      String root = dir.resolve("store").toString();
      String[] importBase = {"--root", root, "import", writeRootfs(dir.resolve("rootfs.tar")).toString(), "training-base"};
      Terminal.stderrIsTerminal(); // as every start asks, when Main.run(String...) is given no writers
      StoreLocation.defaultRoot(); // as every start without --root asks
      switch (family) {
        case "containers" -> {
          // The image is imported and unpacked by another JVM: a container start does neither, and the classes they
          // need (tar, jnr-ffi) would only make every start load more.
          runInChild(importBase);
          runInChild("--root", root, "run", "--rm", "training-base", "true");
          trainContainers(root);
        }
        case "build" -> {
          Path context = writeContext(dir.resolve("context"));
          runInChild(importBase);
          trainBuilds(context, root);
        }
        case "registry" -> trainRegistry(root);
        default -> {
          run(importBase);
          trainStore(root);
        }
      }
      // A failing start ends in System.exit, which asks the JDK's logger whether to log the exit.
      System.getLogger(Runtime.class.getName()).isLoggable(System.Logger.Level.DEBUG);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Containers (their command is missing from the one-file image: the launch fails at exec, after everything lade
   * does, as for any container) and the listing of containers.
   */
  private static void trainContainers(String root) {
    for (int i = 0; i < 2; i++) {
      run("--root", root, "run", "--rm", "training-base", "true");
    }
    run("--root", root, "ps", "-a");
  }

  /**
   * The first build and then no-op rebuilds, as a user runs them: the rebuilds find their context's checksums in the
   * store's checksum cache, which takes only files changed more than a second before (ChecksumCache), so the builds
   * wait until the context is that old.
   */
  private static void trainBuilds(Path context, String root) throws IOException {
    long trusted = Files.getLastModifiedTime(context.resolve("src/lib/lib.txt")).toMillis() + 1_100;
    try {
      Thread.sleep(Math.max(0, trusted - System.currentTimeMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    run("build", "--help");
    for (String progress : new String[] {"plain", "quiet", "plain"}) {
      run("--root", root, "build", "--progress", progress, "-t", "training:1", context.toString());
    }
    run("--root", root, "build", "--progress", "plain", "-f", context.resolve("Copying.Dockerfile").toString(),
        context.toString());
  }

  private static Path writeContext(Path context) throws IOException {
    Files.createDirectories(context.resolve("src/lib"));
    Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    Files.writeString(context.resolve("Copying.Dockerfile"), COPYING);
    Files.writeString(context.resolve("file.txt"), "training\n");
    Files.writeString(context.resolve("other.txt"), "other\n");
    Files.writeString(context.resolve("src/run.sh"), "echo training\n");
    Files.writeString(context.resolve("src/lib/lib.txt"), "lib\n"); // written last: trainBuilds waits on it
    return context;
  }

  /**
   * Registry transfers that fail fast (nothing listens on port 9) load what registry commands need, where start-up
   * costs most: a mount-only copy took 1.7 CPU-s trained on help alone, 1.5 trained so (bench/RESULTS.md).
   */
  private static void trainRegistry(String root) {
    run("--root", root, "copy", "-q", "docker://127.0.0.1:9/lade/aot-training:1", "docker://127.0.0.1:9/lade/aot-training:2");
    run("--root", root, "pull", "-q", "127.0.0.1:9/lade/aot-training:1");
  }

  /** Help, the version and the commands that read the store. */
  private static void trainStore(String root) {
    run("--version");
    run("--help");
    run("--root", root, "images");
    run("--root", root, "tag", "training-base", "training:1");
    run("--root", root, "inspect", "training:1");
  }

  private static void run(String... args) {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    Main.run(nowhere, nowhere, args);
  }

  /** Runs lade with {@code args} in a JVM of its own, whose classes are not recorded. */
  private static void runInChild(String... args) throws IOException {
    List<String> command = new ArrayList<>(Main.javaCommand());
    command.addAll(List.of(args));
    try {
      new ProcessBuilder(command).redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
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

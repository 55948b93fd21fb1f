package dev.lade.cli;

import dev.lade.buildkit.build.BuildEnvironment;
import dev.lade.buildkit.build.BuildRequest;
import dev.lade.buildkit.build.BuiltImage;
import dev.lade.buildkit.build.GitEpoch;
import dev.lade.buildkit.build.ImageBuilder;
import dev.lade.buildkit.build.StandardFileSystems;
import dev.lade.buildkit.export.BuildMetadata;
import dev.lade.buildkit.export.ImageExporter;
import dev.lade.buildkit.export.OutputSpec;
import dev.lade.buildkit.export.OutputSpecs;
import dev.lade.buildkit.progress.BuildProgress;
import dev.lade.buildkit.progress.LiveProgress;
import dev.lade.buildkit.progress.PlainProgress;
import dev.lade.buildkit.run.RunExecutor;
import dev.lade.cli.buildrun.BuildRunners;
import dev.lade.cli.buildrun.BuildSecrets;
import dev.lade.cli.buildrun.SshAgents;
import dev.lade.oci.image.Compression;
import dev.lade.oci.store.Lease;
import dev.lade.oci.store.OciLayoutStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade build}: a Dockerfile to an image, with BuildKit's semantics, into the store or elsewhere. */
@Command(name = "build", description = "Build an image from a Dockerfile.")
final class BuildCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin RegistryOptionsMixin registryOptions;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The Dockerfile (default: CONTEXT/Dockerfile; - for stdin).")
  String file;

  @Option(names = {"-t", "--tag"}, paramLabel = "NAME[:TAG]", description = "Name the image (repeatable).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--build-arg", paramLabel = "KEY=VALUE", description = "Set a build argument (repeatable).")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = "--target", paramLabel = "STAGE", description = "The stage to build (default: the last).")
  String target;

  @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "The platform to build for.")
  String platform;

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Set a label on the image (repeatable).")
  List<String> labels = new ArrayList<>();

  @Option(names = "--no-cache", description = "Build every step, even when cached.")
  boolean noCache;

  @Option(names = "--pull", description = "Pull base images even when the store has them.")
  boolean pull;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto", description = "auto, plain, tty or quiet.")
  String progress;

  @Option(names = {"-q", "--quiet"}, description = "Suppress the build output and print the image id on success "
      + "(--progress quiet).")
  boolean quiet;

  @Option(names = "--iidfile", paramLabel = "FILE", description = "Write the image id to FILE.")
  Path iidFile;

  @Option(names = "--metadata-file", paramLabel = "FILE", description = "Write the build's metadata (JSON) to FILE.")
  Path metadataFile;

  @Option(names = {"-o", "--output"}, paramLabel = "SPEC", description = "Where the result goes, as buildx: type=oci|docker|local|image,...")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--push", description = "Push the image to its registry (type=image,push=true).")
  boolean push;

  @Option(names = "--compression", paramLabel = "ALGO", defaultValue = "gzip", description = "gzip, zstd or none.")
  String compression;

  @Option(names = "--reproducible", description = "SOURCE_DATE_EPOCH from the context's last git commit.")
  boolean reproducible;

  @Option(names = "--secret", paramLabel = "id=ID[,src=PATH|,env=VAR]",
      description = "A secret RUN --mount=type=secret can read; never stored in the image (repeatable).")
  List<String> secrets = new ArrayList<>();

  @Option(names = "--ssh", paramLabel = "ID[=SOCKET]",
      description = "An SSH agent socket for RUN --mount=type=ssh; default alone means $SSH_AUTH_SOCK (repeatable).")
  List<String> ssh = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "CONTEXT", description = "The build context directory.")
  Path context;

  @Override
  public Integer call() throws Exception {
    if (quiet) progress = "quiet";
    List<OutputSpec> specs = parseOutputs();
    BuildRequest request = request();
    OciLayoutStore store = main.store();
    PrintWriter err = spec.commandLine().getErr();
    BuildRegistries registries = new BuildRegistries(store, new RegistryAccess(registryOptions));
    RunExecutor runner = BuildRunners.lazy(store, main.snapshotterKind(), parseSecrets(), parseSsh());
    try (BuildProgress display = display(err); Lease lease = store.lease();
        StandardFileSystems files = StandardFileSystems.openIn(store.tempDirectory(),
            store.root().resolve(".lade/context-checksums"))) {
      BuildEnvironment env = new BuildEnvironment(store, files, files,
          Optional.of(runner), registries, display, Clock.systemUTC());
      BuiltImage image;
      try {
        image = new ImageBuilder(env).build(request);
      } catch (IOException | RuntimeException e) {
        files.discardChecksums();
        throw e;
      }
      ImageExporter exporter = new ImageExporter(store, registries, display);
      for (OutputSpec output : specs) exporter.export(image, output);
      if (iidFile != null) BuildMetadata.writeIidFile(iidFile, image);
      if (metadataFile != null) BuildMetadata.writeMetadataFile(metadataFile, image, tags);
      if (progress.equals("quiet")) spec.commandLine().getOut().println(image.manifestDescriptor().digest());
    }
    return ExitCode.OK;
  }

  private List<OutputSpec> parseOutputs() {
    try {
      for (String tag : tags) tag(tag); // a bad -t fails before anything is built
      List<OutputSpec> specs = OutputSpecs.parseAll(outputs, tags, push);
      specs.forEach(ImageExporter::checkDestination);
      return specs;
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /** Docker CLI's words for a bad {@code -t}. */
  private static void tag(String tag) {
    try {
      ImageExporter.names(List.of(tag));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("invalid argument \"" + tag + "\" for \"-t, --tag\" flag: " + e.getMessage(), e);
    }
  }

  private BuildSecrets parseSecrets() {
    try {
      return BuildSecrets.parse(secrets, System.getenv());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private SshAgents parseSsh() {
    try {
      return SshAgents.parse(ssh, System.getenv("SSH_AUTH_SOCK"));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private BuildRequest request() throws Exception {
    if (!Files.isDirectory(context)) throw new UserInputException(context + ": build context is not a directory");
    if (platform != null) {
      try {
        dev.lade.dockerfile.scope.Platform.parse(platform);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("invalid --platform: " + e.getMessage(), e);
      }
    }
    String dockerfile = file != null ? file : context.resolve("Dockerfile").toString();
    Optional<Path> path = dockerfile.equals("-") ? Optional.empty() : Optional.of(Path.of(dockerfile));
    Optional<Instant> epoch = reproducible ? Optional.of(GitEpoch.of(context)) : envEpoch();
    return new BuildRequest(DockerfileInput.read(dockerfile), DockerfileInput.displayName(
        file != null ? file : "Dockerfile"), path, context, pairs(buildArgs, "--build-arg"), Optional.ofNullable(target),
        Optional.ofNullable(platform), pairs(labels, "--label"), noCache, pull, compression(), epoch);
  }

  /** buildx passes SOURCE_DATE_EPOCH from the environment as a build argument. */
  private static Optional<Instant> envEpoch() {
    String value = System.getenv("SOURCE_DATE_EPOCH");
    if (value == null || value.isBlank()) return Optional.empty();
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      throw new UserInputException("SOURCE_DATE_EPOCH must be seconds since 1970, not \"" + value + "\"");
    }
  }

  private Compression compression() {
    return switch (compression.toLowerCase(Locale.ROOT)) {
      case "gzip" -> Compression.GZIP;
      case "zstd" -> Compression.ZSTD;
      case "none", "uncompressed" -> Compression.NONE;
      default -> throw new UserInputException("unknown compression \"" + compression + "\" (use gzip, zstd or none)");
    };
  }

  private BuildProgress display(PrintWriter err) {
    return switch (progress.toLowerCase(Locale.ROOT)) {
      case "quiet" -> BuildProgress.quiet();
      case "plain" -> new PlainProgress(err, System::nanoTime);
      case "tty" -> live(err);
      case "auto" -> Terminal.isInteractive() ? live(err) : new PlainProgress(err, System::nanoTime);
      default -> throw new UserInputException("unknown progress mode \"" + progress + "\" (use auto, plain, tty or quiet)");
    };
  }

  private static LiveProgress live(PrintWriter err) {
    int columns = Terminal.columns();
    return LiveProgress.ticking(err, () -> columns);
  }

  private static Map<String, String> pairs(List<String> values, String option) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        // Docker takes --build-arg NAME alone from the environment.
        String env = option.equals("--build-arg") && eq < 0 ? System.getenv(v) : null;
        if (env == null) throw new UserInputException(option + " must be KEY=VALUE: " + v);
        out.put(v, env);
        continue;
      }
      out.put(v.substring(0, eq), v.substring(eq + 1));
    }
    return out;
  }
}

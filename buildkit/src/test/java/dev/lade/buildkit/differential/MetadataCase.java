package dev.lade.buildkit.differential;

import dev.lade.buildkit.build.BuildRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One case of testdata/build/metadata: a directory with a Dockerfile and the {@code docker build}
 * flags of its {@code args} file.
 *
 * @param name the directory's name
 * @param directory the directory, also the build context
 * @param flags the flags, e.g. {@code --build-arg}, {@code K=V}
 */
record MetadataCase(String name, Path directory, List<String> flags) {

  /** The corpus directory, testdata/build/metadata of the repository. */
  static Path corpus() {
    Path repo = Path.of(System.getProperty("lade.repo", ".."));
    return repo.resolve("testdata/build/metadata");
  }

  /** Every case of the corpus, by name. */
  static List<MetadataCase> all() throws IOException {
    List<MetadataCase> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(corpus())) {
      for (Path dir : dirs.sorted().toList()) {
        if (!Files.isRegularFile(dir.resolve("Dockerfile"))) continue;
        Path args = dir.resolve("args");
        List<String> flags = new ArrayList<>();
        if (Files.exists(args)) {
          for (String line : Files.readAllLines(args)) {
            if (line.isBlank()) continue;
            int space = line.indexOf(' ');
            flags.add(line.substring(0, space));
            flags.add(line.substring(space + 1));
          }
        }
        out.add(new MetadataCase(dir.getFileName().toString(), dir, List.copyOf(flags)));
      }
    }
    return out;
  }

  /** The same build as a lade request. */
  BuildRequest request() throws IOException {
    Map<String, String> buildArgs = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    Optional<String> target = Optional.empty();
    for (int i = 0; i < flags.size(); i += 2) {
      String value = flags.get(i + 1);
      switch (flags.get(i)) {
        case "--build-arg" -> buildArgs.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
        case "--label" -> labels.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
        case "--target" -> target = Optional.of(value);
        default -> throw new IllegalArgumentException(name + "/args: unknown flag " + flags.get(i));
      }
    }
    BuildRequest plain = BuildRequest.of(Files.readAllBytes(directory.resolve("Dockerfile")), directory);
    return new BuildRequest(plain.dockerfile(), "Dockerfile", Optional.of(directory.resolve("Dockerfile")), directory,
        buildArgs, target, Optional.empty(), labels, false, false, plain.compression(), Optional.empty());
  }

  /**
   * The names given a value by a build argument, by an ARG before the first FROM, or by BuildKit
   * (the platform ARGs).
   */
  Set<String> argsValuedOutsideTheStage() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String prefix : List.of("TARGET", "BUILD")) {
      for (String suffix : List.of("PLATFORM", "OS", "ARCH", "VARIANT")) names.add(prefix + suffix);
    }
    for (int i = 0; i < flags.size(); i += 2) {
      if (flags.get(i).equals("--build-arg")) names.add(flags.get(i + 1).substring(0, flags.get(i + 1).indexOf('=')));
    }
    for (String line : Files.readAllLines(directory.resolve("Dockerfile"))) {
      if (line.startsWith("FROM ")) break;
      if (line.startsWith("ARG ")) names.add(line.substring(4).split("=")[0].trim());
    }
    return names;
  }
}

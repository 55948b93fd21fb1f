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
    return corpus("metadata");
  }

  /** A corpus directory of the repository, testdata/build/NAME. */
  static Path corpus(String name) {
    Path repo = Path.of(System.getProperty("lade.repo", ".."));
    return repo.resolve("testdata/build").resolve(name);
  }

  /** Every case of the metadata corpus, by name. */
  static List<MetadataCase> all() throws IOException {
    return all(corpus());
  }

  /** Every case of {@code corpus}: each directory with a Dockerfile, by name. */
  static List<MetadataCase> all(Path corpus) throws IOException {
    List<MetadataCase> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(corpus)) {
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
}

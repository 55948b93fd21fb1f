package dev.lade.cli.buildrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets of {@code lade build --secret}, as buildx takes them: {@code id=ID,src=PATH} (or
 * {@code source=}, {@code type=file}) reads a file, {@code id=ID,env=VAR} (or {@code type=env})
 * an environment variable; {@code id=ID} alone reads the variable named ID. Values are read only
 * when a step mounts them, and go nowhere but into that step's mount.
 */
public final class BuildSecrets {
  private sealed interface Source {
    record File(Path path) implements Source {}
    record Env(String variable) implements Source {}
  }

  private final Map<String, Source> sources;
  private final Map<String, String> environment;

  private BuildSecrets(Map<String, Source> sources, Map<String, String> environment) {
    this.sources = sources;
    this.environment = environment;
  }

  /** No secrets. */
  public static BuildSecrets none() {
    return new BuildSecrets(Map.of(), Map.of());
  }

  /**
   * Parses {@code --secret} values.
   *
   * @param environment where {@code env=} secrets are read from (the process's environment)
   * @throws IllegalArgumentException for a malformed spec, saying which
   */
  public static BuildSecrets parse(List<String> specs, Map<String, String> environment) {
    Map<String, Source> sources = new LinkedHashMap<>();
    for (String spec : specs) {
      Map<String, String> fields = Specs.fields(spec, "--secret");
      String id = fields.get("id");
      String type = fields.get("type");
      String src = fields.containsKey("src") ? fields.get("src") : fields.get("source");
      String env = fields.get("env");
      if (id == null || id.isEmpty()) id = src != null ? Path.of(src).getFileName().toString() : env;
      if (id == null) throw new IllegalArgumentException("invalid --secret " + spec + ": it needs id=");
      if (type != null && !type.equals("file") && !type.equals("env")) {
        throw new IllegalArgumentException("invalid --secret " + spec + ": unsupported type " + type);
      }
      boolean file = "file".equals(type) || (type == null && src != null);
      if (file && src == null) throw new IllegalArgumentException("invalid --secret " + spec + ": type=file needs src=");
      sources.put(id, file ? new Source.File(Path.of(src)) : new Source.Env(env != null ? env : src != null ? src : id));
    }
    return new BuildSecrets(sources, Map.copyOf(environment));
  }

  /**
   * The secret's value, or empty when the build was given no such secret.
   *
   * @throws IOException when its file cannot be read or its variable is unset
   */
  public Optional<byte[]> value(String id) throws IOException {
    Source source = sources.get(id);
    if (source == null) return Optional.empty();
    return Optional.of(switch (source) {
      case Source.File f -> Files.readAllBytes(f.path());
      case Source.Env e -> {
        String value = environment.get(e.variable());
        if (value == null) throw new IOException("secret " + id + ": environment variable " + e.variable() + " is not set");
        yield value.getBytes(StandardCharsets.UTF_8);
      }
    });
  }
}

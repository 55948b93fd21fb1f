package dev.lade.buildkit.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses buildx's output specs: comma-separated {@code key=value} fields, {@code type} first by
 * convention ({@code type=oci,dest=out.tar}, {@code type=oci,dest=dir,tar=false}, {@code
 * type=docker,dest=f.tar}, {@code type=local,dest=dir}, {@code type=image,name=REF[,push=true]},
 * {@code type=registry,name=REF}); a bare path means {@code type=local,dest=PATH}.
 */
public final class OutputSpecs {
  private static final Set<String> KEYS = Set.of("type", "dest", "tar", "name", "push");
  private static final String NO_TAG = "tag is needed when pushing to registry";

  private OutputSpecs() {}

  /**
   * @param tags the {@code -t} names, used when the spec names none
   * @throws InvalidOutputSpecException naming what is wrong
   */
  public static OutputSpec parse(String spec, List<String> tags) {
    if (spec.isBlank()) throw new InvalidOutputSpecException(spec, "empty");
    if (!spec.contains("=")) return new OutputSpec.Local(Path.of(spec));
    Map<String, String> fields = fields(spec);
    String type = fields.get("type");
    if (type == null) throw new InvalidOutputSpecException(spec, "type is required");
    List<String> names = fields.containsKey("name") ? List.of(fields.get("name").split(",")) : tags;
    return switch (type) {
      case "oci" -> new OutputSpec.Oci(dest(spec, fields), bool(spec, fields, "tar", true), names);
      case "docker" -> new OutputSpec.Docker(dest(spec, fields), names);
      case "local" -> new OutputSpec.Local(dest(spec, fields));
      case "image" -> image(spec, names, bool(spec, fields, "push", false));
      case "registry" -> image(spec, names, true);
      default -> throw new InvalidOutputSpecException(spec,
          "unknown type \"" + type + "\" (use oci, docker, local, image or registry)");
    };
  }

  /** buildx refuses a push without a name to push to. */
  private static OutputSpec.Image image(String spec, List<String> names, boolean push) {
    if (push && names.isEmpty()) throw new InvalidOutputSpecException(spec, NO_TAG);
    return new OutputSpec.Image(names, push);
  }

  private static Map<String, String> fields(String spec) {
    Map<String, String> fields = new LinkedHashMap<>();
    String lastKey = null;
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      if (eq < 0 && "name".equals(lastKey)) {
        fields.merge("name", field, (a, b) -> a + "," + b); // name=a,b lists several names
        continue;
      }
      if (eq <= 0) throw new InvalidOutputSpecException(spec, "field \"" + field + "\" is not key=value");
      String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (!KEYS.contains(key)) throw new InvalidOutputSpecException(spec, "unknown field \"" + key + "\"");
      if (fields.put(key, field.substring(eq + 1)) != null) {
        throw new InvalidOutputSpecException(spec, "field \"" + key + "\" given twice");
      }
      lastKey = key;
    }
    return fields;
  }

  private static Path dest(String spec, Map<String, String> fields) {
    String dest = fields.get("dest");
    if (dest == null || dest.isEmpty()) {
      throw new InvalidOutputSpecException(spec, "dest is required for type=" + fields.get("type"));
    }
    return Path.of(dest);
  }

  private static boolean bool(String spec, Map<String, String> fields, String key, boolean fallback) {
    String v = fields.get(key);
    if (v == null) return fallback;
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new InvalidOutputSpecException(spec, key + " must be true or false, not \"" + v + "\"");
    };
  }

  /**
   * Parses several specs; an empty list means the store.
   *
   * @throws IllegalArgumentException for {@code push} without {@code tags}
   */
  public static List<OutputSpec> parseAll(List<String> specs, List<String> tags, boolean push) {
    List<OutputSpec> out = new ArrayList<>();
    for (String s : specs) out.add(parse(s, tags));
    if (push && tags.isEmpty()) throw new IllegalArgumentException("--push: " + NO_TAG);
    if (out.isEmpty() || push) out.add(new OutputSpec.Image(tags, push)); // --push is type=image,push=true
    return out;
  }
}

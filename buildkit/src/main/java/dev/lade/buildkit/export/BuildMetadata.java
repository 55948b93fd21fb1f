package dev.lade.buildkit.export;

import dev.lade.buildkit.build.BuiltImage;
import dev.lade.oci.json.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files {@code --iidfile} and {@code --metadata-file} write, as buildx writes them. */
public final class BuildMetadata {
  private BuildMetadata() {}

  /** The image id (the manifest's digest), without a newline. */
  public static void writeIidFile(Path file, BuiltImage image) throws IOException {
    Files.writeString(file, image.manifestDescriptor().digest().toString(), StandardCharsets.UTF_8);
  }

  /**
   * The JSON buildx writes: {@code containerimage.config.digest}, {@code
   * containerimage.descriptor}, {@code containerimage.digest} and, with names, {@code image.name}.
   */
  public static void writeMetadataFile(Path file, BuiltImage image, List<String> names) throws IOException {
    Files.write(file, json(image, names));
  }

  static byte[] json(BuiltImage image, List<String> names) {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"containerimage.config.digest\": ").append(quote(image.configDescriptor().digest().toString())).append(",\n");
    sb.append("  \"containerimage.descriptor\": ")
        .append(new String(image.manifestDescriptor().toJson(), StandardCharsets.UTF_8));
    sb.append(",\n  \"containerimage.digest\": ").append(quote(image.manifestDescriptor().digest().toString()));
    if (!names.isEmpty()) {
      sb.append(",\n  \"image.name\": ").append(quote(String.join(",", names)));
    }
    return sb.append("\n}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String s) {
    return new String(CanonicalJson.compact(new dev.lade.oci.json.JsonString(s)), StandardCharsets.UTF_8);
  }
}

package dev.lade.buildkit.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerReader;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reduced to what two builders must agree on: its config without times (and without
 * diff IDs, which hold file times), and each layer as path to type, mode, owner, size, content
 * hash and link target.
 *
 * @param config the normalised config
 * @param layers for each layer, bottom first, its entries
 */
record ComparableImage(JsonNode config, List<Map<String, String>> layers) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** dockerd 20.10's frontend printed EXPOSE's ports as a Go map, e.g. {@code EXPOSE map[80/tcp:{}]}. */
  private static final Pattern OLD_EXPOSE = Pattern.compile("EXPOSE map\\[(.*)]");
  private static final Pattern NEW_EXPOSE = Pattern.compile("EXPOSE \\[(.*)]");

  /** The image whose manifest is {@code manifest}, read from {@code blobs}. */
  static ComparableImage read(BlobStore blobs, Descriptor manifest) throws IOException {
    Manifest m = Manifest.parse(readAll(blobs, manifest.digest()));
    ObjectNode config = (ObjectNode) JSON.readTree(readAll(blobs, m.config().digest()));
    List<Map<String, String>> layers = new ArrayList<>();
    for (Descriptor layer : m.layers()) layers.add(describe(blobs, layer.digest()));
    return new ComparableImage(normalise(config), layers);
  }

  private static JsonNode normalise(ObjectNode config) {
    config.remove("created");
    // dockerd 20.10's BuildKit wrote "OnBuild": null; current BuildKit omits it when empty.
    JsonNode runConfig = config.get("config");
    if (runConfig instanceof ObjectNode c && c.path("OnBuild").isNull()) c.remove("OnBuild");
    ObjectNode rootfs = (ObjectNode) config.get("rootfs");
    rootfs.put("diff_ids", rootfs.withArray("diff_ids").size());
    for (JsonNode entry : config.withArray("history")) {
      ObjectNode h = (ObjectNode) entry;
      h.remove("created");
      if (h.has("created_by")) h.put("created_by", versionNeutral(h.get("created_by").asText()));
    }
    return config;
  }

  /**
   * History texts whose format changed after dockerd 20.10's BuildKit: EXPOSE lists its ports
   * (current BuildKit prints the parsed list, 20.10 a map), HEALTHCHECK prints its struct ({@code
   * %+v} now, {@code %q} of a pointer in 20.10). Both become version-free forms; the ports and the
   * health check themselves are compared in the config. ARG wrote its declaration as given in
   * 20.10 and writes the value in effect now (lade does as now, ImageBuilderTest checks the values):
   * only the names are compared. COPY and ADD left their {@code --chown} and {@code --chmod} out
   * in 20.10 and write them now (lade does as now): they are taken out.
   */
  static String versionNeutral(String createdBy) {
    Matcher old = OLD_EXPOSE.matcher(createdBy);
    Matcher current = NEW_EXPOSE.matcher(createdBy);
    String ports = old.matches() ? old.group(1).replace(":{}", "") : current.matches() ? current.group(1) : null;
    if (ports != null) return "EXPOSE " + new TreeSet<>(List.of(ports.split(" ")));
    if (createdBy.startsWith("HEALTHCHECK ")) return "HEALTHCHECK";
    if (createdBy.startsWith("ARG ")) return createdBy.replaceAll("(\\w+)=\\S*", "$1");
    if (createdBy.startsWith("COPY ") || createdBy.startsWith("ADD ")) {
      return createdBy.replaceAll(" --ch(own|mod)=\\S+", "");
    }
    return createdBy;
  }

  private static Map<String, String> describe(BlobStore blobs, Digest layer) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (LayerReader reader = new LayerReader(blobs.open(layer))) {
      for (LayerEntry e = reader.next(); e != null; e = reader.next()) {
        out.put(e.path(), switch (e) {
          case LayerEntry.File f -> "file " + meta(f.metadata()) + " " + f.size() + " " + hash(f);
          case LayerEntry.Directory d -> "dir " + meta(d.metadata());
          case LayerEntry.Symlink s -> "symlink " + meta(s.metadata()) + " -> " + s.target();
          case LayerEntry.Hardlink h -> "hardlink " + meta(h.metadata()) + " -> " + h.target();
          default -> e.getClass().getSimpleName() + " " + e.path();
        });
      }
    }
    return out;
  }

  private static String hash(LayerEntry.File f) throws IOException {
    try (InputStream in = f.content().open()) {
      return Digest.sha256(in).hex().substring(0, 12);
    }
  }

  private static String meta(EntryMetadata m) {
    return String.format("%04o %d:%d", m.mode(), m.uid(), m.gid());
  }

  private static byte[] readAll(BlobStore blobs, Digest digest) throws IOException {
    try (InputStream in = blobs.open(digest)) {
      return in.readAllBytes();
    }
  }

  /**
   * The config as indented JSON with object keys sorted (BuildKit's field order changed with the
   * OCI spec's: ArgsEscaped moved before Healthcheck), for a readable difference.
   */
  String configText() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(JSON.convertValue(config, Object.class)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof List<?> list) return list.stream().map(ComparableImage::sorted).toList();
    return value;
  }
}

package dev.lade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lade.oci.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image from a {@code docker save} archive (Docker's or lade's {@code type=docker} output),
 * normalised for comparison: the config fields a Dockerfile sets (null, absent and empty alike),
 * the history's {@code created_by} and {@code empty_layer}, and each layer's entries by path with
 * type, mode, owner, size, content hash and link target, times left out.
 *
 * <p>Whiteouts and opaque markers are compared by path only: Docker 20.10 exports layers through
 * its graph driver (moby's pkg/archive), which writes them with mode 0600 and the directory's mode,
 * whereas BuildKit's own differ (containerd's) writes mode 0, as lade does.
 *
 * @param config the normalised config
 * @param history one line per history entry
 * @param layers one map per layer, path to description
 * @param text every file's content and the config, to search for what must not be there
 */
record SavedImageDump(Map<String, String> config, List<String> history, List<Map<String, String>> layers,
    String text) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CONFIG_FIELDS = List.of("Env", "Cmd", "Entrypoint", "WorkingDir", "User",
      "ExposedPorts", "Labels", "Volumes", "StopSignal", "Shell", "OnBuild", "Healthcheck");

  static SavedImageDump read(Path archive) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.isFile()) files.put(e.getName(), tar.readAllBytes());
      }
    }
    JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
    JsonNode config = JSON.readTree(files.get(manifest.get("Config").asText()));
    StringBuilder text = new StringBuilder(config.toString());
    List<Map<String, String>> layers = new ArrayList<>();
    for (JsonNode layer : manifest.get("Layers")) layers.add(entries(files.get(layer.asText()), text));
    List<String> history = new ArrayList<>();
    for (JsonNode h : config.get("history")) {
      history.add(h.path("created_by").asText() + (h.path("empty_layer").asBoolean() ? " (empty)" : ""));
    }
    Map<String, String> fields = new TreeMap<>();
    for (String field : CONFIG_FIELDS) {
      JsonNode value = config.path("config").path(field);
      boolean none = value.isMissingNode() || value.isNull() || (value.isContainerNode() && value.isEmpty())
          || (value.isTextual() && value.asText().isEmpty());
      if (!none) fields.put(field, value.toString());
    }
    return new SavedImageDump(fields, history, layers, text.toString());
  }

  private static Map<String, String> entries(byte[] blob, StringBuilder text) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (InputStream in = uncompressed(blob); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String path = e.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
        if (path.isEmpty() || path.equals(".")) continue;
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (base.startsWith(".wh.")) {
          out.put(path, base.equals(".wh..wh..opq") ? "opaque" : "whiteout");
          continue;
        }
        String meta = String.format("%04o %d:%d", e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId());
        out.put(path, switch (e.getLinkFlag()) {
          case TarArchiveEntry.LF_DIR -> "dir " + meta;
          case TarArchiveEntry.LF_SYMLINK -> "symlink " + meta + " -> " + e.getLinkName();
          case TarArchiveEntry.LF_LINK -> "hardlink " + meta + " => " + e.getLinkName();
          default -> {
            byte[] content = tar.readAllBytes();
            text.append('\n').append(new String(content, StandardCharsets.ISO_8859_1));
            yield "file " + meta + " " + content.length + " " + Digest.sha256(content).hex().substring(0, 12);
          }
        });
      }
    }
    return out;
  }

  private static InputStream uncompressed(byte[] blob) throws IOException {
    InputStream raw = new java.io.ByteArrayInputStream(blob);
    if (blob.length > 2 && (blob[0] & 0xff) == 0x1f && (blob[1] & 0xff) == 0x8b) {
      return new java.util.zip.GZIPInputStream(raw);
    }
    return raw;
  }
}

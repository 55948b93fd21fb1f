package dev.lade.registry.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A minimal valid OCI image, built by hand and byte-for-byte reproducible: one gzipped layer
 * holding {@code hello.txt}, a linux/amd64 config and an OCI image manifest.
 */
public final class TinyImage {

  public static final String MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
  public static final String CONFIG_MEDIA_TYPE = "application/vnd.oci.image.config.v1+json";
  public static final String LAYER_MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] config;
  private final byte[] layer;
  private final byte[] manifest;

  private TinyImage(byte[] config, byte[] layer, byte[] manifest) {
    this.config = config;
    this.layer = layer;
    this.manifest = manifest;
  }

  public static TinyImage create() {
    byte[] tar = tar("hello.txt", "hello from lade\n".getBytes(StandardCharsets.UTF_8));
    byte[] layer = gzip(tar);
    ObjectNode config = JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
    config.putObject("config").putArray("Cmd").add("/hello.txt");
    config
        .putObject("rootfs")
        .put("type", "layers")
        .putArray("diff_ids")
        .add(RegistryHttp.sha256(tar));
    byte[] configBytes = bytes(config);
    ObjectNode manifest =
        JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MANIFEST_MEDIA_TYPE);
    manifest.set("config", descriptor(CONFIG_MEDIA_TYPE, configBytes));
    manifest.putArray("layers").add(descriptor(LAYER_MEDIA_TYPE, layer));
    return new TinyImage(configBytes, layer, bytes(manifest));
  }

  /** The image configuration JSON. */
  public byte[] config() {
    return config.clone();
  }

  /** The gzipped layer. */
  public byte[] layer() {
    return layer.clone();
  }

  /** The OCI image manifest JSON. */
  public byte[] manifest() {
    return manifest.clone();
  }

  public String configDigest() {
    return RegistryHttp.sha256(config);
  }

  public String layerDigest() {
    return RegistryHttp.sha256(layer);
  }

  public String manifestDigest() {
    return RegistryHttp.sha256(manifest);
  }

  private static ObjectNode descriptor(String mediaType, byte[] content) {
    return JSON.createObjectNode()
        .put("mediaType", mediaType)
        .put("digest", RegistryHttp.sha256(content))
        .put("size", content.length);
  }

  private static byte[] bytes(ObjectNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] tar(String name, byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(content.length);
      entry.setMode(0644);
      entry.setModTime(new Date(0));
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}

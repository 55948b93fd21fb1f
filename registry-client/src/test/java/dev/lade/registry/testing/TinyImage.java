package dev.lade.registry.testing;

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
public record TinyImage(byte[] config, byte[] layer, byte[] manifest) {

  public static final String MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
  public static final String CONFIG_MEDIA_TYPE = "application/vnd.oci.image.config.v1+json";
  public static final String LAYER_MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";

  public static TinyImage create() {
    byte[] tar = tar("hello.txt", "hello from lade\n".getBytes(StandardCharsets.UTF_8));
    byte[] layer = gzip(tar);
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/hello.txt\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + RegistryHttp.sha256(tar) + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_MEDIA_TYPE + "\","
                + "\"config\":" + descriptor(CONFIG_MEDIA_TYPE, config) + ","
                + "\"layers\":[" + descriptor(LAYER_MEDIA_TYPE, layer) + "]}")
            .getBytes(StandardCharsets.UTF_8);
    return new TinyImage(config, layer, manifest);
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

  private static String descriptor(String mediaType, byte[] content) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + RegistryHttp.sha256(content)
        + "\",\"size\":" + content.length + "}";
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

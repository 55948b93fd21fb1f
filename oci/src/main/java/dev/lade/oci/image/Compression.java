package dev.lade.oci.image;

/** How a layer's tar stream is compressed. */
public enum Compression {
  NONE,
  GZIP,
  ZSTD
}

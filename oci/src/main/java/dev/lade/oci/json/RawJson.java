package dev.lade.oci.json;

import dev.lade.oci.digest.Digest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A JSON document held as its exact bytes together with its parsed view and digest. Manifests and
 * configs are content-addressed, so an image pulled and pushed again must keep its bytes: code that
 * moves documents around passes {@code RawJson} and never re-serialises the parsed value.
 *
 * @param <T> the parsed view, such as a manifest
 */
public final class RawJson<T> {
  private final byte[] bytes;
  private final T value;
  /** Hashed on first use: a command that only reads a document (lade run) then never starts the JDK's hashing. */
  private volatile Digest digest;

  private RawJson(byte[] bytes, T value) {
    this.bytes = bytes;
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Keeps {@code bytes} (copied) and parses them with {@code parser}, which may throw. */
  public static <T> RawJson<T> parse(byte[] bytes, Function<byte[], T> parser) {
    byte[] copy = bytes.clone();
    return new RawJson<>(copy, parser.apply(copy));
  }

  /** Serialises {@code value} with {@code encoder}, typically a canonical form. */
  public static <T> RawJson<T> encode(T value, Function<T, byte[]> encoder) {
    return new RawJson<>(encoder.apply(value).clone(), value);
  }

  /** The parsed view. */
  public T value() {
    return value;
  }

  /** A copy of the exact bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The exact bytes as a stream. */
  public InputStream openStream() {
    return new ByteArrayInputStream(bytes);
  }

  /** The SHA-256 digest of the bytes. */
  public Digest digest() {
    Digest d = digest;
    if (d == null) {
      d = Digest.sha256(bytes);
      digest = d;
    }
    return d;
  }

  /** The number of bytes. */
  public long size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawJson<?> other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "RawJson[" + digest() + ", " + bytes.length + " bytes]";
  }
}

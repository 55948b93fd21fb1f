package dev.lade.dockerfile.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Byte-level mutations of corpus inputs, driven by one seeded {@link Random} so a case is fully
 * determined by its seed: flips, range inserts, deletes and duplicates, splices of two corpus
 * entries, dictionary tokens and random bytes.
 */
final class Mutator {
  private static final int MAX_LENGTH = 16 * 1024;

  private final List<byte[]> corpus;

  Mutator(List<byte[]> corpus) {
    if (corpus.isEmpty()) throw new IllegalArgumentException("empty corpus");
    this.corpus = List.copyOf(corpus);
  }

  /** The input for the case with this seed: a corpus entry with one to eight mutations. */
  byte[] input(long seed) {
    Random random = new Random(seed);
    byte[] data = pick(random);
    int rounds = 1 + random.nextInt(8);
    for (int i = 0; i < rounds && data.length <= MAX_LENGTH; i++) {
      data = mutate(data, random);
    }
    return data;
  }

  private byte[] mutate(byte[] data, Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> flipBit(data, random);
      case 1 -> setByte(data, random);
      case 2 -> insert(data, random.nextInt(data.length + 1), randomBytes(random));
      case 3 -> delete(data, random);
      case 4 -> duplicate(data, random);
      case 5 -> splice(data, pick(random), random);
      default -> insert(data, random.nextInt(data.length + 1), Tokens.ALL.get(random.nextInt(Tokens.ALL.size())));
    };
  }

  private byte[] pick(Random random) {
    return corpus.get(random.nextInt(corpus.size()));
  }

  private static byte[] flipBit(byte[] data, Random random) {
    if (data.length == 0) return data;
    byte[] out = data.clone();
    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
    return out;
  }

  /** Overwrites a byte with one that matters to the parser more often than chance would pick it. */
  private static byte[] setByte(byte[] data, Random random) {
    if (data.length == 0) return data;
    byte[] out = data.clone();
    byte[] interesting = {'\n', '\r', ' ', '\t', '\\', '`', '$', '{', '}', '"', '\'', '#', '=', '-', '[', ']', 0, (byte) 0x80};
    out[random.nextInt(out.length)] = interesting[random.nextInt(interesting.length)];
    return out;
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(16)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] insert(byte[] data, int at, byte[] piece) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + piece.length);
    out.write(data, 0, at);
    out.writeBytes(piece);
    out.write(data, at, data.length - at);
    return out.toByteArray();
  }

  private static byte[] delete(byte[] data, Random random) {
    if (data.length == 0) return data;
    Range r = Range.random(data, 64, random);
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
    out.write(data, 0, r.from());
    out.write(data, r.to(), data.length - r.to());
    return out.toByteArray();
  }

  private static byte[] duplicate(byte[] data, Random random) {
    if (data.length == 0) return data;
    Range r = Range.random(data, 256, random);
    return insert(data, random.nextInt(data.length + 1), Arrays.copyOfRange(data, r.from(), r.to()));
  }

  /** A non-empty range of at most {@code max} bytes inside non-empty data. */
  private record Range(int from, int to) {
    static Range random(byte[] data, int max, Random random) {
      int from = random.nextInt(data.length);
      return new Range(from, Math.min(data.length, from + 1 + random.nextInt(max)));
    }
  }

  /** The start of one input followed by the end of another. */
  private static byte[] splice(byte[] head, byte[] tail, Random random) {
    int cut = random.nextInt(head.length + 1);
    int from = random.nextInt(tail.length + 1);
    byte[] out = Arrays.copyOf(head, cut + tail.length - from);
    System.arraycopy(tail, from, out, cut, tail.length - from);
    return out;
  }
}

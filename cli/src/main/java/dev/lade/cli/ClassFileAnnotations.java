package dev.lade.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime-visible annotations of a class and of its fields, read from its class file rather than through
 * reflection. Why: the JDK makes every annotation it hands out a dynamic proxy, and generating the proxy classes (one
 * per annotation type, with the ClassFile API, interpreted at start-up) was two thirds of picocli's model building,
 * which no start-up cache can keep (bench/RESULTS.md). Reading the few kilobytes of a class file costs a fraction.
 *
 * @param type the class's annotations
 * @param fields each declared field's annotations, by field name
 * @param methods the annotations of all its methods together
 */
record ClassFileAnnotations(List<Annotation> type, Map<String, List<Annotation>> fields, List<Annotation> methods) {

  /** One annotation: its type's binary name ({@code picocli.CommandLine$Option}) and the elements it sets. */
  record Annotation(String typeName, Map<String, Object> values) {}

  /** An enum constant as an element value. */
  record EnumConstant(String typeName, String name) {}

  /** A class literal as an element value: its binary name, or a descriptor for primitives and arrays. */
  record ClassLiteral(String typeName) {}

  private static final String ANNOTATIONS = "RuntimeVisibleAnnotations";

  /** Reads {@code type}'s class file; element values are String, Integer, Long, Boolean, ... */
  static ClassFileAnnotations of(Class<?> type) throws IOException {
    return read(new Cursor(ClassFileBytes.of(type)));
  }

  private static ClassFileAnnotations read(Cursor in) throws IOException {
    in.skip(8); // magic, minor and major version
    Object[] pool = readConstantPool(in);
    in.skip(6); // access flags, this class, super class
    in.skip(2 * in.u2()); // interfaces
    Map<String, List<Annotation>> fields = new LinkedHashMap<>();
    int fieldCount = in.u2();
    for (int i = 0; i < fieldCount; i++) {
      in.skip(2); // access flags
      String name = in.utf8(pool, in.u2());
      in.skip(2); // descriptor
      fields.put(name, readAttributes(in, pool));
    }
    List<Annotation> methods = new ArrayList<>();
    int methodCount = in.u2();
    for (int i = 0; i < methodCount; i++) {
      in.skip(6);
      methods.addAll(readAttributes(in, pool));
    }
    return new ClassFileAnnotations(readAttributes(in, pool), fields, methods);
  }

  /**
   * Utf8 entries as {@link Utf8} (decoded when asked for: most name code this never reads), numbers boxed, other
   * entries as the index of the Utf8 entry they name (or null).
   */
  private static Object[] readConstantPool(Cursor in) throws IOException {
    Object[] pool = new Object[in.u2()];
    for (int i = 1; i < pool.length; i++) {
      int tag = in.u1();
      switch (tag) {
        case 1 -> {
          int length = in.u2();
          pool[i] = new Utf8(in.position(), length);
          in.skip(length);
        }
        case 3 -> pool[i] = in.u4();
        case 4 -> pool[i] = Float.intBitsToFloat(in.u4());
        case 5 -> pool[i++] = in.u8();
        case 6 -> pool[i++] = Double.longBitsToDouble(in.u8());
        case 7, 8, 16, 19, 20 -> pool[i] = in.u2();
        case 15 -> in.skip(3);
        case 9, 10, 11, 12, 17, 18 -> in.skip(4);
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return pool;
  }

  /** The annotations among the attributes that follow; every other attribute is skipped. */
  private static List<Annotation> readAttributes(Cursor in, Object[] pool) throws IOException {
    List<Annotation> annotations = new ArrayList<>();
    int count = in.u2();
    for (int i = 0; i < count; i++) {
      String name = in.utf8(pool, in.u2());
      int length = in.u4();
      if (!name.equals(ANNOTATIONS)) {
        in.skip(length);
        continue;
      }
      int annotationCount = in.u2();
      for (int a = 0; a < annotationCount; a++) annotations.add(readAnnotation(in, pool));
    }
    return annotations;
  }

  private static Annotation readAnnotation(Cursor in, Object[] pool) throws IOException {
    String type = binaryName(in.utf8(pool, in.u2()));
    Map<String, Object> values = new LinkedHashMap<>();
    int pairs = in.u2();
    for (int i = 0; i < pairs; i++) {
      String element = in.utf8(pool, in.u2());
      values.put(element, readValue(in, pool));
    }
    return new Annotation(type, values);
  }

  private static Object readValue(Cursor in, Object[] pool) throws IOException {
    char tag = (char) in.u1();
    return switch (tag) {
      case 'Z' -> ((Integer) pool[in.u2()]) != 0;
      case 'C' -> (char) (int) (Integer) pool[in.u2()];
      case 'B', 'S', 'I', 'J', 'F', 'D' -> pool[in.u2()];
      case 's' -> in.utf8(pool, in.u2());
      case 'e' -> new EnumConstant(binaryName(in.utf8(pool, in.u2())), in.utf8(pool, in.u2()));
      case 'c' -> new ClassLiteral(binaryName(in.utf8(pool, in.u2())));
      case '@' -> readAnnotation(in, pool);
      case '[' -> {
        int count = in.u2();
        List<Object> array = new ArrayList<>(count);
        for (int i = 0; i < count; i++) array.add(readValue(in, pool));
        yield List.copyOf(array);
      }
      default -> throw new IOException("unknown element value tag " + tag);
    };
  }

  /** Where a Utf8 constant's bytes are in the class file. */
  private record Utf8(int offset, int length) {}

  /**
   * Big-endian reads from a class file's bytes: DataInputStream's first use starts the VarHandle machinery, which cost
   * more than the reading at start-up.
   */
  private static final class Cursor {
    private final byte[] bytes;
    private int position;

    Cursor(byte[] bytes) {
      this.bytes = bytes;
    }

    int position() {
      return position;
    }

    void skip(int count) throws IOException {
      if (count < 0 || position + count > bytes.length) throw new IOException("truncated class file");
      position += count;
    }

    int u1() throws IOException {
      if (position >= bytes.length) throw new IOException("truncated class file");
      return bytes[position++] & 0xff;
    }

    int u2() throws IOException {
      return u1() << 8 | u1();
    }

    int u4() throws IOException {
      return u2() << 16 | u2();
    }

    long u8() throws IOException {
      return (long) u4() << 32 | (u4() & 0xffffffffL);
    }

    /** The Utf8 constant at {@code index}, decoded from the JVM's modified UTF-8 (JVMS 4.4.7). */
    String utf8(Object[] pool, int index) throws IOException {
      if (!(pool[index] instanceof Utf8 entry)) throw new IOException("constant " + index + " is no Utf8 entry");
      char[] chars = new char[entry.length()];
      int count = 0;
      int end = entry.offset() + entry.length();
      for (int i = entry.offset(); i < end; ) {
        int b = bytes[i++] & 0xff;
        if (b < 0x80) {
          chars[count++] = (char) b;
        } else if ((b & 0xe0) == 0xc0 && i < end) {
          chars[count++] = (char) ((b & 0x1f) << 6 | (bytes[i++] & 0x3f));
        } else if ((b & 0xf0) == 0xe0 && i + 1 < end) {
          chars[count++] = (char) ((b & 0x0f) << 12 | (bytes[i++] & 0x3f) << 6 | (bytes[i++] & 0x3f));
        } else {
          throw new IOException("malformed Utf8 constant " + index);
        }
      }
      return new String(chars, 0, count);
    }
  }

  /** {@code Lpicocli/CommandLine$Option;} to {@code picocli.CommandLine$Option}; other descriptors stay. */
  private static String binaryName(String descriptor) {
    return descriptor.startsWith("L") && descriptor.endsWith(";")
        ? descriptor.substring(1, descriptor.length() - 1).replace('/', '.')
        : descriptor;
  }
}

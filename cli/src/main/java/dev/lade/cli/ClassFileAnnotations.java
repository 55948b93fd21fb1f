package dev.lade.cli;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
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

  /** Reads {@code type}'s class file from its class loader; element values are String, Integer, Long, Boolean, ... */
  static ClassFileAnnotations of(Class<?> type) throws IOException {
    ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      if (in == null) throw new IOException("no class file for " + type.getName());
      // Read whole first: byte by byte through the jar's inflater is several calls per byte, interpreted at start.
      return read(new DataInputStream(new ByteArrayInputStream(in.readAllBytes())));
    }
  }

  private static ClassFileAnnotations read(DataInputStream in) throws IOException {
    in.readInt(); // magic
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    Object[] pool = readConstantPool(in);
    in.skipNBytes(6); // access flags, this class, super class
    in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
    Map<String, List<Annotation>> fields = new LinkedHashMap<>();
    int fieldCount = in.readUnsignedShort();
    for (int i = 0; i < fieldCount; i++) {
      in.readUnsignedShort(); // access flags
      String name = (String) pool[in.readUnsignedShort()];
      in.readUnsignedShort(); // descriptor
      fields.put(name, readAttributes(in, pool));
    }
    List<Annotation> methods = new ArrayList<>();
    int methodCount = in.readUnsignedShort();
    for (int i = 0; i < methodCount; i++) {
      in.skipNBytes(6);
      methods.addAll(readAttributes(in, pool));
    }
    return new ClassFileAnnotations(readAttributes(in, pool), fields, methods);
  }

  /** Utf8 entries as String, numbers boxed, other entries as the index of the Utf8 entry they name (or null). */
  private static Object[] readConstantPool(DataInputStream in) throws IOException {
    Object[] pool = new Object[in.readUnsignedShort()];
    for (int i = 1; i < pool.length; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> pool[i] = in.readUTF();
        case 3 -> pool[i] = in.readInt();
        case 4 -> pool[i] = in.readFloat();
        case 5 -> pool[i++] = in.readLong();
        case 6 -> pool[i++] = in.readDouble();
        case 7, 8, 16, 19, 20 -> pool[i] = in.readUnsignedShort();
        case 15 -> in.skipNBytes(3);
        case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return pool;
  }

  /** The annotations among the attributes that follow; every other attribute is skipped. */
  private static List<Annotation> readAttributes(DataInputStream in, Object[] pool) throws IOException {
    List<Annotation> annotations = new ArrayList<>();
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      String name = (String) pool[in.readUnsignedShort()];
      int length = in.readInt();
      if (!name.equals(ANNOTATIONS)) {
        in.skipNBytes(length);
        continue;
      }
      int annotationCount = in.readUnsignedShort();
      for (int a = 0; a < annotationCount; a++) annotations.add(readAnnotation(in, pool));
    }
    return annotations;
  }

  private static Annotation readAnnotation(DataInputStream in, Object[] pool) throws IOException {
    String type = binaryName((String) pool[in.readUnsignedShort()]);
    Map<String, Object> values = new LinkedHashMap<>();
    int pairs = in.readUnsignedShort();
    for (int i = 0; i < pairs; i++) {
      String element = (String) pool[in.readUnsignedShort()];
      values.put(element, readValue(in, pool));
    }
    return new Annotation(type, values);
  }

  private static Object readValue(DataInputStream in, Object[] pool) throws IOException {
    char tag = (char) in.readUnsignedByte();
    return switch (tag) {
      case 'Z' -> ((Integer) pool[in.readUnsignedShort()]) != 0;
      case 'C' -> (char) (int) (Integer) pool[in.readUnsignedShort()];
      case 'B', 'S', 'I', 'J', 'F', 'D', 's' -> pool[in.readUnsignedShort()];
      case 'e' -> new EnumConstant(binaryName((String) pool[in.readUnsignedShort()]), (String) pool[in.readUnsignedShort()]);
      case 'c' -> new ClassLiteral(binaryName((String) pool[in.readUnsignedShort()]));
      case '@' -> readAnnotation(in, pool);
      case '[' -> {
        int count = in.readUnsignedShort();
        List<Object> array = new ArrayList<>(count);
        for (int i = 0; i < count; i++) array.add(readValue(in, pool));
        yield List.copyOf(array);
      }
      default -> throw new IOException("unknown element value tag " + tag);
    };
  }

  /** {@code Lpicocli/CommandLine$Option;} to {@code picocli.CommandLine$Option}; other descriptors stay. */
  private static String binaryName(String descriptor) {
    return descriptor.startsWith("L") && descriptor.endsWith(";")
        ? descriptor.substring(1, descriptor.length() - 1).replace('/', '.')
        : descriptor;
  }
}

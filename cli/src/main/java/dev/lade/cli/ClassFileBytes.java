package dev.lade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The bytes of a class's class file, read from the jar or directory it was loaded from. Not through its class loader's
 * {@code getResourceAsStream}: that makes a {@code jar:} URL and a connection for each class file and opens the jar
 * a second time as a {@code JarFile} (manifest, signatures), 15-30 ms of a start before the first command model.
 */
final class ClassFileBytes {
  /** The jars read so far, each opened once: a command reads its own class, its mixins' and Main's. */
  private static final ConcurrentHashMap<Path, ZipFile> JARS = new ConcurrentHashMap<>();

  private ClassFileBytes() {}

  static byte[] of(Class<?> type) throws IOException {
    String name = type.getName().replace('.', '/') + ".class";
    Path source = codeSource(type);
    if (source != null && Files.isDirectory(source)) return Files.readAllBytes(source.resolve(name));
    if (source != null && Files.isRegularFile(source)) {
      ZipFile jar = JARS.get(source);
      if (jar == null) {
        jar = new ZipFile(source.toFile());
        ZipFile raced = JARS.putIfAbsent(source, jar);
        if (raced != null) {
          jar.close();
          jar = raced;
        }
      }
      ZipEntry entry = jar.getEntry(name);
      if (entry != null) {
        try (InputStream in = jar.getInputStream(entry)) {
          return in.readAllBytes();
        }
      }
    }
    ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) throw new IOException("no class file for " + type.getName());
      return in.readAllBytes();
    }
  }

  /** The local jar or directory {@code type} was loaded from, or null. */
  private static Path codeSource(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL location = source != null ? source.getLocation() : null;
    if (location == null || !location.getProtocol().equals("file")) return null;
    try {
      return Path.of(location.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar, giving its classes older than Java 6 (class file version 50) the Java 8 version (52) with stack maps.
 * Run by {@code ./lade} on JDK 25+ (the ClassFile API) as a source-file program: {@code java UpgradeClassFiles.java
 * IN.jar OUT.jar}.
 *
 * <p>Why: picocli 4.7 is compiled for Java 5, and the JVM's start-up caches (AppCDS, JDK 25's AOT cache) refuse such
 * "old" classes, so every start loaded, verified and linked its 170 classes anew (bench/RESULTS.md). The rewrite
 * keeps every instruction; only the version and the stack maps the newer verifier needs change.
 */
public final class UpgradeClassFiles {
  private static final int OLDEST_CACHEABLE = ClassFile.JAVA_6_VERSION;
  private static final int TARGET = ClassFile.JAVA_8_VERSION;

  private UpgradeClassFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java UpgradeClassFiles.java IN.jar OUT.jar");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    // Written beside OUT, then moved over it: two lades starting at once each write their own and either wins.
    Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".partial");
    // Stack maps need the common superclass of two types, looked up in the jar itself, then in the JDK.
    try (URLClassLoader jar = new URLClassLoader(new URL[] {in.toUri().toURL()}, null)) {
      ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
          ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
              .orElse(ClassHierarchyResolver.ofResourceParsing(jar))));
      copy(classFile, in, partial);
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void copy(ClassFile classFile, Path in, Path out) throws IOException {
    try (InputStream file = Files.newInputStream(in); ZipInputStream source = new ZipInputStream(file);
        OutputStream target = Files.newOutputStream(out); ZipOutputStream copy = new ZipOutputStream(target)) {
      for (ZipEntry entry; (entry = source.getNextEntry()) != null; ) {
        byte[] bytes = source.readAllBytes();
        if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
          bytes = upgrade(classFile, bytes);
        }
        ZipEntry copied = new ZipEntry(entry.getName());
        copied.setTime(entry.getTime());
        copy.putNextEntry(copied);
        copy.write(bytes);
        copy.closeEntry();
      }
    }
  }

  /** The class in {@code bytes}, with version 52 and stack maps if it is older than version 50. */
  static byte[] upgrade(ClassFile classFile, byte[] bytes) {
    ClassModel model = classFile.parse(bytes);
    if (model.majorVersion() >= OLDEST_CACHEABLE) return bytes;
    // Rewriting every method body is what makes the ClassFile API generate its stack map.
    return classFile.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
        .andThen((builder, element) -> {
          if (element instanceof ClassFileVersion) {
            builder.withVersion(TARGET, 0);
          } else {
            builder.with(element);
          }
        }));
  }
}

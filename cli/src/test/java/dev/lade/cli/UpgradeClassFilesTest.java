package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tools/UpgradeClassFiles.java}, which {@code ./lade} runs on JDK 25+ so that picocli's Java 5 classes can be
 * held by the JVM's AOT cache: the copy it writes must load, verify and work as the original, and be cached.
 */
class UpgradeClassFilesTest {
  private static final int JAVA_6 = 50;
  private static final int JAVA_8 = 52;

  @TempDir static Path dir;
  private static Path original;
  private static Path upgraded;

  @BeforeAll
  static void upgradePicocli() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "the launcher rewrites picocli only on JDK 25+ (ClassFile API)");
    original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    upgraded = dir.resolve("picocli.jar");
    Result result = java(CliRun.repoPath("tools/UpgradeClassFiles.java").toString(), original.toString(),
        upgraded.toString());
    assertEquals(0, result.exitCode(), result.output());
  }

  @Test
  void everyOldClassBecomesJava8AndTheRestStaysAsItWas() throws IOException {
    TreeMap<String, Integer> before = versions(original);
    TreeMap<String, Integer> after = versions(upgraded);
    assertEquals(before.keySet(), after.keySet());
    assertTrue(before.values().stream().anyMatch(v -> v < JAVA_6), "picocli 4.7 ships Java 5 classes: " + before);
    before.forEach((name, version) ->
        assertEquals(version < JAVA_6 ? JAVA_8 : version, after.get(name), name));
  }

  /** Loading with initialisation links the classes, which runs the verifier over the stack maps the tool wrote. */
  @Test
  void theUpgradedClassesVerifyAndParseACommandLine() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {upgraded.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      for (String name : versions(upgraded).keySet()) {
        if (!name.contains("module-info")) Class.forName(name.replace('/', '.'), true, loader);
      }
      Class<?> spec = Class.forName("picocli.CommandLine$Model$CommandSpec", true, loader);
      Class<?> option = Class.forName("picocli.CommandLine$Model$OptionSpec", true, loader);
      Object builder = option.getMethod("builder", String.class, String[].class)
          .invoke(null, "--tag", new String[] {"-t"});
      var type = builder.getClass().getMethod("type", Class.class);
      type.setAccessible(true); // declared by a package-private superclass
      type.invoke(builder, String.class);
      Object tag = builder.getClass().getMethod("build").invoke(builder);
      Object command = spec.getMethod("create").invoke(null);
      spec.getMethod("addOption", option).invoke(command, tag);
      Class<?> commandLine = Class.forName("picocli.CommandLine", true, loader);
      Object cli = commandLine.getConstructor(Object.class).newInstance(command);
      Object parsed = commandLine.getMethod("parseArgs", String[].class)
          .invoke(cli, (Object) new String[] {"-t", "app:1"});
      assertEquals("app:1", parsed.getClass().getMethod("matchedOptionValue", String.class, Object.class)
          .invoke(parsed, "--tag", null));
    }
  }

  /** What the rewrite is for: a JVM trained on the upgraded jar runs picocli from its AOT cache. */
  @Test
  void theAotCacheHoldsTheUpgradedClasses() throws IOException, InterruptedException {
    Path cache = dir.resolve("picocli.aot");
    // picocli's own AutoComplete is a picocli command: its --help builds a model and prints usage.
    Result training = java("-XX:AOTCacheOutput=" + cache, "-cp", upgraded.toString(), "picocli.AutoComplete", "--help");
    assertEquals(0, training.exitCode(), training.output());
    Result cached = java("-XX:AOTCache=" + cache, "-Xlog:class+load", "-cp", upgraded.toString(),
        "picocli.AutoComplete", "--help");
    assertEquals(0, cached.exitCode(), cached.output());
    assertTrue(cached.output().lines().anyMatch(line ->
        line.contains(" picocli.CommandLine ") && line.contains("shared objects file")), cached.output());
  }

  /** Class name (as in the jar) to class file major version. */
  private static TreeMap<String, Integer> versions(Path jar) throws IOException {
    TreeMap<String, Integer> versions = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (var entry : file.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
        try (InputStream in = file.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
          data.readInt(); // magic
          data.readUnsignedShort(); // minor
          versions.put(entry.getName().replace(".class", ""), data.readUnsignedShort());
        }
      }
    }
    return versions;
  }

  private record Result(int exitCode, String output) {}

  private static Result java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "java", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile()))
        .start();
    int code = process.waitFor();
    return new Result(code, Files.readString(log, StandardCharsets.UTF_8));
  }
}

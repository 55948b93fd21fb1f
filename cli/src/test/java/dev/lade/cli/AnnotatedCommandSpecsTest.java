package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The models lade's commands get from their class files: the same as picocli's reflection makes of the same
 * annotations (so the annotations stay the one definition), and bound to the command's fields.
 */
class AnnotatedCommandSpecsTest {

  /** The commands a user waits on most must take the fast path; manifest, with subcommands, is left to picocli. */
  @Test
  void everyCommandButManifestIsReadFromItsClassFile() throws Exception {
    for (String name : Commands.names()) {
      Optional<CommandSpec> spec = AnnotatedCommandSpecs.of(newCommand(name), new Main());
      assertEquals(!name.equals("manifest"), spec.isPresent(), name);
    }
    assertTrue(AnnotatedCommandSpecs.of(new Main(), null).isPresent(), "the root command");
  }

  /** An option on a setter method, which this does not read, must not be dropped: picocli's reflection gets it. */
  @Test
  void aCommandWithWhatItDoesNotReadIsLeftToPicocli() {
    assertTrue(AnnotatedCommandSpecs.of(new OptionOnAMethod(), null).isEmpty());
    assertTrue(CommandSpec.forAnnotatedObject(new OptionOnAMethod()).findOption("--level") != null);
  }

  @CommandLine.Command(name = "method")
  static final class OptionOnAMethod {
    int level;

    @CommandLine.Option(names = "--level")
    void level(int level) {
      this.level = level;
    }
  }

  @Test
  void eachModelIsWhatPicocliMakesOfTheSameAnnotations() throws Exception {
    assertSameModel("lade", new Main(), new Main());
    for (String name : Commands.names()) {
      if (name.equals("manifest")) continue;
      assertSameModel(name, newCommand(name), newCommand(name));
    }
  }

  @Test
  void parsedValuesLandInTheCommandAndItsMixins() {
    BuildCommand build = new BuildCommand();
    Main main = new Main();
    CommandSpec spec = AnnotatedCommandSpecs.of(build, main).orElseThrow();
    new CommandLine(spec).parseArgs("-t", "app:1", "--tag", "app:2", "--progress", "plain", "--no-cache",
        "--connect-timeout", "10s", "--insecure-registry", "localhost:5000", "ctx");
    assertEquals(List.of("app:1", "app:2"), build.tags);
    assertEquals("plain", build.progress);
    assertTrue(build.noCache);
    assertEquals(Path.of("ctx"), build.context);
    assertEquals(Duration.ofSeconds(10), build.registryOptions.connectTimeout, "the mixin's converter");
    assertEquals(List.of("localhost:5000"), build.registryOptions.insecureRegistries);
    assertSame(spec, build.spec);
    assertSame(main, build.main);
  }

  @Test
  void unsetOptionsKeepTheirDefaults() {
    BuildCommand build = new BuildCommand();
    new CommandLine(AnnotatedCommandSpecs.of(build, new Main()).orElseThrow()).parseArgs(".");
    assertEquals("auto", build.progress);
    assertEquals("gzip", build.compression);
    assertEquals(List.of(), build.tags);
  }

  @Test
  void rootOptionsAreInheritedAndFoundWhereverTheyAreGiven() {
    CommandLine cli = Main.commandLine("build", ".");
    cli.parseArgs("build", "--root", "/tmp/store", "--debug", ".");
    Main main = (Main) cli.getCommand();
    assertEquals(Path.of("/tmp/store"), main.root);
    assertTrue(main.debug);
  }

  private static Object newCommand(String name) throws ReflectiveOperationException {
    Class<?> type = Main.commandLine(name).getSubcommands().get(name).getCommand().getClass();
    var constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  private static void assertSameModel(String name, Object fromClassFile, Object reflected) {
    CommandSpec fast = AnnotatedCommandSpecs.of(fromClassFile, null).orElseThrow();
    CommandSpec slow = CommandSpec.forAnnotatedObject(reflected);
    assertEquals(new CommandLine(slow).getUsageMessage(), new CommandLine(fast).getUsageMessage(), name);
    assertEquals(describe(slow.options()), describe(fast.options()), name);
    assertEquals(describe(slow.positionalParameters()), describe(fast.positionalParameters()), name);
    assertEquals(slow.mixins().keySet(), fast.mixins().keySet(), name);
  }

  /** What an argument's model says, but its initial value, which the fields hold (see AnnotatedCommandSpecs). */
  private static List<String> describe(List<? extends ArgSpec> args) {
    return args.stream().map(arg -> String.join(" | ",
        arg instanceof OptionSpec option
            ? String.join(",", option.names()) + " " + option.scopeType() + " " + option.usageHelp() + option.versionHelp()
            : "positional " + ((CommandLine.Model.PositionalParamSpec) arg).index(),
        arg.paramLabel(), String.valueOf(arg.arity()), String.valueOf(arg.required()), arg.type().getName(),
        Arrays.toString(arg.auxiliaryTypes()), String.valueOf(arg.defaultValue()),
        String.valueOf(arg.converters().length), String.join("/", arg.description()))).sorted().toList();
  }
}

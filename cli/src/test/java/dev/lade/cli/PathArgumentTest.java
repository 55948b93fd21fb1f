package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** lade's path converter behaves as picocli's built-in one, which it replaces. */
class PathArgumentTest {
  static final class WithPath {
    @Option(names = "--file") Path file;
  }

  @Test
  void convertsAsPathsGet() {
    assertEquals(Path.of("context/Dockerfile"), new PathArgument().convert("context/Dockerfile"));
    assertEquals(Path.of("/"), new PathArgument().convert("/"));
  }

  @Test
  void refusesWhatTheFileSystemRefusesWithPicocliMessage() {
    String refused = "bad\0name";
    String builtIn = parseError(new CommandLine(new WithPath()), refused);
    CommandLine withLade = new CommandLine(new WithPath());
    withLade.registerConverter(Path.class, new PathArgument());
    assertTrue(builtIn.contains("cannot convert"), builtIn);
    assertEquals(builtIn, parseError(withLade, refused));
  }

  private static String parseError(CommandLine cli, String value) {
    return assertThrows(CommandLine.ParameterException.class, () -> cli.parseArgs("--file", value)).getMessage();
  }
}

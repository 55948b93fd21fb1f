package dev.lade.dockerfile.shell;

import dev.lade.dockerfile.text.GoUnicode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs BuildKit's own shell vectors ({@code shell/envVarTest}, {@code shell/wordsTest}) the way its Go tests do; see
 * FORMAT.md section 2 of the shared conformance data.
 */
class BuildkitShellConformanceTest {
  private static final ShellLexer LEXER = new ShellLexer('\\');
  private static final Env ENV_VAR_TEST_ENV =
      Env.of(Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", ""));

  @Test
  void allVectorsPass() throws IOException {
    Path shell = conformanceDir().resolve("shell");
    Tally envVars = runEnvVarTest(lines(shell.resolve("envVarTest")));
    Tally words = runWordsTest(lines(shell.resolve("wordsTest")));
    System.out.printf("BuildKit shell conformance: %d/%d envVarTest vectors (A+U), %d/%d wordsTest vectors%n",
        envVars.passed, envVars.total, words.passed, words.total);
    List<String> failures = new ArrayList<>(envVars.failures);
    failures.addAll(words.failures);
    assertTrue(envVars.total > 0 && words.total > 0, "no vectors were read");
    assertEquals(List.of(), failures);
  }

  private static Tally runEnvVarTest(List<String> lines) {
    Tally tally = new Tally();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.startsWith("#") || goTrim(line).isEmpty()) {
        continue;
      }
      String[] fields = goTrim(line).split("\\|", -1);
      if (fields.length != 3) {
        fail("envVarTest line " + (n + 1) + " is malformed: " + line);
      }
      String platform = goTrim(fields[0]);
      if (!List.of("A", "U", "W").contains(platform)) {
        fail("envVarTest line " + (n + 1) + " has an invalid tag: " + platform);
      }
      if (platform.equals("W")) {
        continue; // Windows only: variable names are case-insensitive there
      }
      String input = goTrim(fields[1]);
      String expected = goTrim(fields[2]);
      String actual = outcome(() -> LEXER.processWord(input, ENV_VAR_TEST_ENV));
      tally.check(expected.equals("error") ? "error" : expected, actual, "envVarTest:" + (n + 1) + " " + input);
    }
    return tally;
  }

  private static Tally runWordsTest(List<String> lines) {
    Tally tally = new Tally();
    List<String> env = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("ENV ")) {
        env.add(line.substring(3).replaceFirst("^ +", ""));
        continue;
      }
      String[] fields = line.split("\\|", -1);
      if (fields.length != 2) {
        fail("wordsTest line " + (n + 1) + " is malformed: " + line);
      }
      String input = goTrim(fields[0]);
      List<String> expected = Arrays.asList(fields[1].replaceFirst("^ +", "").split(",", -1));
      Env current = Env.ofEntries(env);
      List<String> actual;
      try {
        actual = LEXER.processWords(input, current);
      } catch (ShellExpansionException e) {
        actual = List.of("error");
      }
      tally.check(expected.toString(), actual.toString(), "wordsTest:" + (n + 1) + " " + input);
    }
    return tally;
  }

  private static String outcome(java.util.function.Supplier<String> expansion) {
    try {
      return expansion.get();
    } catch (ShellExpansionException e) {
      return "error";
    }
  }

  /** Lines as Go's bufio.Scanner yields them: split on LF, a trailing CR dropped. */
  private static List<String> lines(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (!out.isEmpty() && out.getLast().isEmpty()) {
      out.removeLast();
    }
    out.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
    return out;
  }

  /** Go's strings.TrimSpace. */
  private static String goTrim(String s) {
    int[] cps = s.codePoints().toArray();
    int from = 0;
    int to = cps.length;
    while (from < to && GoUnicode.isSpace(cps[from])) {
      from++;
    }
    while (to > from && GoUnicode.isSpace(cps[to - 1])) {
      to--;
    }
    return new String(cps, from, to - from);
  }

  static Path conformanceDir() {
    String env = System.getenv("LADE_CONFORMANCE");
    Path dir = env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("lade.repo", "."), "..", "shared", "conformance", "buildkit");
    Assumptions.assumeTrue(Files.isDirectory(dir.resolve("shell")),
        "BuildKit conformance data not found at " + dir.toAbsolutePath().normalize()
            + " (set LADE_CONFORMANCE to the folder that holds shell/envVarTest); conformance vectors not run");
    return dir;
  }

  private static final class Tally {
    int total;
    int passed;
    final List<String> failures = new ArrayList<>();

    void check(String expected, String actual, String where) {
      total++;
      if (expected.equals(actual)) {
        passed++;
      } else {
        failures.add(where + ": expected " + expected + " but got " + actual);
      }
    }
  }
}

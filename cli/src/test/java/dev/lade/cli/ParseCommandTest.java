package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lade.dockerfile.parser.DockerfileParseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ParseCommandTest {
  private static final String HELLO = CliRun.repoPath("testdata/dockerfiles/hello/Dockerfile").toString();

  @Test
  void printsTheTypedTreeAsJsonByDefault() throws Exception {
    CliRun run = CliRun.of("parse", "-f", HELLO);
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals("", run.err());
    JsonNode tree = new ObjectMapper().readTree(run.out());
    assertEquals(2, tree.get("metaArgs").size());
    assertEquals("build", tree.at("/stages/0/name").asText());
    assertEquals("runtime", tree.at("/stages/1/name").asText());
    assertEquals("$BUILDPLATFORM", tree.at("/stages/0/platform").asText());
    assertEquals("cache", tree.at("/stages/0/instructions/3/flags/mount/0/type").asText());
  }

  @Test
  void dumpIsBuildKitsParserTestFormat() throws Exception {
    Path cases = conformanceCases();
    Path dockerfile = cases.resolve("flags/Dockerfile");
    CliRun run = CliRun.of("parse", "--format", "dump", "-f", dockerfile.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals(Files.readString(cases.resolve("flags/result"), StandardCharsets.UTF_8), run.out());
  }

  @Test
  void readsStandardInputForDash() {
    CliRun run = CliRun.withInput("FROM alpine\nCMD [\"sh\"]\n", "parse", "--format=dump", "-f", "-");
    assertEquals(ExitCode.OK, run.exitCode());
    assertEquals("(from \"alpine\")\n(cmd \"sh\")\n", run.out());
  }

  @Test
  void malformedDockerfileIsOneLocatedLineAndExitsTwo() {
    String file = CliRun.repoPath("testdata/dockerfiles/bad-mount/Dockerfile").toString();
    CliRun run = CliRun.of("parse", "-f", file);
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertEquals("", run.out());
    assertEquals(file + ":3:13: unsupported mount type \"cahce\" (did you mean cache?)\n", run.err());
  }

  @Test
  void syntaxErrorsFromTheRawParserAreLocatedToo() {
    CliRun run = CliRun.withInput("# only a comment\n", "parse", "-f", "-");
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertTrue(run.err().startsWith("<stdin>:"), run.err());
    assertTrue(run.err().endsWith(": file with no instructions\n"), run.err());
    assertEquals(1, run.err().lines().count());
  }

  @Test
  void stdinErrorsAreNamedStdin() {
    CliRun run = CliRun.withInput("FROM alpine\nRUN --network=bridge true\n", "parse", "-f", "-");
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertEquals("<stdin>:2:5: invalid network mode \"bridge\"\n", run.err());
  }

  @Test
  void debugAddsTheStackTrace() {
    CliRun run = CliRun.withInput("FROM alpine\nCOPY --lnk a b\n", "--debug", "parse", "-f", "-");
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertTrue(run.err().startsWith("<stdin>:2:6: unknown flag: --lnk (did you mean link?)\n"), run.err());
    assertTrue(run.err().contains("\tat dev.lade."), run.err());
  }

  @Test
  void missingFileIsOneLine() {
    CliRun run = CliRun.of("parse", "-f", "no/such/Dockerfile");
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertEquals("lade: no/such/Dockerfile: no such file\n", run.err());
  }

  @Test
  void defaultFileIsDockerfileInTheWorkingDirectory() {
    assumeTrue(!Files.exists(Path.of("Dockerfile")), "the working directory has a Dockerfile");
    CliRun run = CliRun.of("parse");
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertEquals("lade: Dockerfile: no such file\n", run.err());
  }

  @Test
  void unknownFormatIsAUsageError() {
    CliRun run = CliRun.of("parse", "--format", "yaml", "-f", HELLO);
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertTrue(run.err().startsWith("lade: --format must be json or dump, not 'yaml'\n"), run.err());
  }

  @Test
  void excerptShowsTheLineWithACaret() {
    byte[] source = "FROM alpine\n\tCOPY --lnk a b\r\n".getBytes(StandardCharsets.UTF_8);
    DockerfileSourceException e = new DockerfileSourceException(
        new DockerfileParseException("Dockerfile", "unknown flag: --lnk", 2, 7, null), source);
    assertEquals("\tCOPY --lnk a b\n\t     ^\n", e.excerpt());
  }

  private static Path conformanceCases() {
    String env = System.getenv("LADE_CONFORMANCE");
    Path root = env != null ? Path.of(env) : CliRun.repoPath("../shared/conformance/buildkit");
    Path cases = root.resolve("parser/testfiles");
    assumeTrue(Files.isDirectory(cases), "BuildKit conformance data not found at " + cases
        + " (set LADE_CONFORMANCE); skipping the byte-for-byte dump check");
    return cases;
  }
}

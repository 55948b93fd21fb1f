package dev.lade.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs BuildKit's own parser test data: dumps, negative cases and line ranges. */
class BuildkitParserConformanceTest {

  @Test
  void matchesBuildkitParserTestData() throws IOException {
    Path parser = Conformance.root().resolve("parser");
    List<Path> positives = caseDirs(parser.resolve("testfiles"));
    List<Path> negatives = caseDirs(parser.resolve("testfiles-negative"));
    List<String> failures = new ArrayList<>();

    int identical = 0;
    for (Path dir : positives) {
      String failure = dumpFailure(dir);
      if (failure == null) identical++;
      else failures.add(failure);
    }
    int rejected = 0;
    for (Path dir : negatives) {
      String failure = negativeFailure(dir);
      if (failure == null) rejected++;
      else failures.add(failure);
    }
    String lineRanges = lineRangeFailure(parser.resolve("testfile-line/Dockerfile"));
    if (lineRanges != null) failures.add(lineRanges);

    System.out.printf("BuildKit parser conformance: %d/%d dumps byte-identical, %d/%d negatives rejected, line ranges %s%n",
        identical, positives.size(), rejected, negatives.size(), lineRanges == null ? "ok" : "WRONG");
    assertTrue(positives.size() > 0 && negatives.size() > 0, "no test cases found under " + parser);
    assertEquals(List.of(), failures);
  }

  private static String dumpFailure(Path dir) throws IOException {
    byte[] expected = Files.readAllBytes(dir.resolve("result"));
    try {
      ParseResult result = Parser.parse(Files.readAllBytes(dir.resolve("Dockerfile")));
      String actual = Dump.dump(result.root()) + "\n";
      if (Arrays.equals(expected, actual.getBytes(StandardCharsets.UTF_8))) return null;
      return dir.getFileName() + ": dump differs:\n" + actual + "--- expected:\n" + new String(expected, StandardCharsets.UTF_8);
    } catch (DockerfileParseException e) {
      return dir.getFileName() + ": " + e.getMessage();
    }
  }

  /** Null when parsing fails, for the reason FORMAT.md gives when the case is a known one. */
  private static String negativeFailure(Path dir) throws IOException {
    String name = dir.getFileName().toString();
    try {
      Parser.parse(Files.readAllBytes(dir.resolve("Dockerfile")));
      return name + ": parsed but must fail";
    } catch (DockerfileParseException e) {
      String reason = NEGATIVE_REASONS.get(name);
      return reason == null || e.reason().equals(reason) ? null : name + ": failed with \"" + e.reason() + "\", expected \"" + reason + "\"";
    }
  }

  private static final Map<String, String> NEGATIVE_REASONS = Map.of(
      "empty_dockerfile", "file with no instructions",
      "only_comments", "file with no instructions",
      "env_no_value", "ENV must have two arguments",
      "shykes-nested-json", JsonArgs.NOT_STRING_ARRAY);

  private static String lineRangeFailure(Path dockerfile) throws IOException {
    Node root = Parser.parse(Files.readAllBytes(dockerfile)).root();
    List<String> actual = new ArrayList<>();
    actual.add(root.startLine() + ".." + root.endLine());
    root.children().forEach(c -> actual.add(c.startLine() + ".." + c.endLine()));
    List<String> expected = List.of("5..31", "5..5", "11..12", "17..31");
    return actual.equals(expected) ? null : "testfile-line: line ranges " + actual + ", expected " + expected;
  }

  private static List<Path> caseDirs(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("Dockerfile"))).sorted().toList();
    }
  }
}

package dev.lade.dockerfile.fuzz;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Mutated Dockerfiles through parse, dump and typed conversion: only
 * {@code DockerfileParseException} may come out.
 */
class ParserFuzzTest {
  private static final Seeds SEEDS = Seeds.load();
  private static final Duration PER_CASE = Duration.ofSeconds(5);

  @Test
  void mutatedDockerfilesFailOnlyWithTheTypedError() {
    System.out.println("fuzz: parser seeds from " + SEEDS.origin() + " (" + SEEDS.dockerfiles().size() + " files)");
    Mutator mutator = new Mutator(SEEDS.dockerfiles());
    new FuzzRun("mutated Dockerfiles", PER_CASE, seed -> Printable.bytes(mutator.input(seed)))
        .run(1, 5000, seed -> ParserTarget.run(mutator.input(seed)).name());
  }

  @Test
  void mutatedShellWordsInDockerfilesFailOnlyWithTheTypedError() {
    Mutator mutator = new Mutator(SEEDS.words().stream().map(Seeds::utf8).toList());
    new FuzzRun("Dockerfiles around mutated shell words", PER_CASE, seed -> Printable.bytes(dockerfileAround(mutator.input(seed))))
        .run(2, 1000, seed -> ParserTarget.run(dockerfileAround(mutator.input(seed))).name());
  }

  /** The word in the places the parser and converter look at words: FROM, ARG, ENV, COPY, flags, heredocs. */
  private static byte[] dockerfileAround(byte[] word) {
    String w = new String(word, java.nio.charset.StandardCharsets.ISO_8859_1);
    String df = "ARG A=" + w + "\nFROM " + w + " AS " + w + "\nENV " + w + "=" + w + "\nCOPY --from=" + w + " --chmod=" + w
        + " " + w + " /dst\nRUN --mount=type=cache,target=" + w + " <<EOF\n" + w + "\nEOF\nEXPOSE " + w + "\nUSER " + w + "\n";
    return df.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}

package dev.lade.dockerfile.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
        .run(1, 4000, seed -> ParserTarget.run(mutator.input(seed)).name());
  }

  @Test
  void mutatedValuesInInstructionSlotsFailOnlyWithTheTypedError() {
    List<byte[]> values = new ArrayList<>(VALUES.stream().map(Seeds::utf8).toList());
    SEEDS.words().stream().map(Seeds::utf8).forEach(values::add);
    Mutator mutator = new Mutator(values);
    new FuzzRun("Dockerfiles with a mutated value in one slot", PER_CASE, seed -> Printable.bytes(inSlot(mutator, seed)))
        .run(2, 2000, seed -> ParserTarget.run(inSlot(mutator, seed)).name());
  }

  /** A small Dockerfile with the mutated value in one of the places the typed conversion checks. */
  private static byte[] inSlot(Mutator mutator, long seed) {
    String slot = SLOTS.get(new Random(seed).nextInt(SLOTS.size()));
    String value = new String(mutator.input(seed), StandardCharsets.ISO_8859_1);
    return slot.replace("%s", value).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Instructions with a {@code %s} where a value goes; BuildKit validates each of these places. */
  private static final List<String> SLOTS = List.of(
      "FROM %s\n", "FROM alpine AS %s\n", "FROM --platform=%s alpine\n", "ARG %s\nFROM alpine\n",
      "FROM a\nENV %s\n", "FROM a\nLABEL %s\n", "FROM a\nCOPY --chmod=%s a b\n", "FROM a\nCOPY --chown=%s a b\n",
      "FROM a\nCOPY --from=%s a b\n", "FROM a\nADD --checksum=%s https://x/y /z\n", "FROM a\nCOPY --exclude=%s . /\n",
      "FROM a\nRUN --mount=%s true\n", "FROM a\nRUN --network=%s --security=%s true\n",
      "FROM a\nHEALTHCHECK --interval=%s --timeout=%s --start-period=%s --retries=%s CMD true\n",
      "FROM a\nHEALTHCHECK %s\n", "FROM a\nEXPOSE %s\n", "FROM a\nUSER %s\n", "FROM a\nWORKDIR %s\n",
      "FROM a\nSTOPSIGNAL %s\n", "FROM a\nSHELL %s\n", "FROM a\nCMD %s\n", "FROM a\nENTRYPOINT [%s]\n",
      "FROM a\nVOLUME %s\n", "FROM a\nONBUILD %s\n", "FROM a\nRUN %s\n", "FROM a\nCOPY %s\n",
      "FROM a\nRUN <<%s\nbody\nEOF\n", "FROM a\nMAINTAINER %s\n", "FROM a\n%s\n",
      "ARG V=%s\nFROM a${V}\nARG V\nENV E=%s\nWORKDIR /w/${E}/$V\nCOPY --chown=$E ${E:-x} %s\n");

  /** Typical values for the slots, from Docker's Dockerfile reference. */
  private static final List<String> VALUES = List.of(
      "type=cache,target=/root/.cache,sharing=locked,id=go,uid=1000,gid=1000,mode=0755",
      "type=bind,from=build,source=/out,target=/in,rw", "type=secret,id=aws,target=/root/.aws/credentials,required=true",
      "type=ssh,id=default", "type=tmpfs,target=/tmp,size=64m", "0755", "u=rwx,g=rx,o=", "+x", "1000:1000", "app:staff",
      "30s", "1m30s", "5", "SIGKILL", "SIGRTMIN+3", "9", "80/tcp", "8000-8010/udp", "linux/arm64/v8", "$BUILDPLATFORM",
      "sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d", "none", "host", "insecure", "sandbox",
      "[\"/bin/bash\", \"-c\"]", "\"a\", \"b\"", "golang:1.23 AS build", "build", "NONE", "CMD curl -f http://localhost/",
      "key=\"value with spaces\" other=1", "*.md", "--link", "/app");
}

package dev.lade.dockerfile.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs mutations start from: BuildKit's parser test Dockerfiles and shell vectors from the
 * shared conformance data, or, when that is absent, lade's own sample Dockerfiles and inline seeds.
 *
 * @param dockerfiles whole Dockerfiles, as raw bytes
 * @param words words for the shell expander
 * @param origin where the seeds came from, for the test output
 */
record Seeds(List<byte[]> dockerfiles, List<String> words, String origin) {
  Seeds {
    dockerfiles = List.copyOf(dockerfiles);
    words = List.copyOf(words);
  }

  /** Variables the shell vectors refer to (from envVarTest's harness and wordsTest's ENV lines). */
  static final List<String> ENV = List.of(
      "PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL=", "hi=hi", "space=abc  def", "leading=  ab c",
      "trailing=ab c   ", "star=*", "glob=a*b?c", "slash=/a/b/", "bs=\\", "quote=\"'");

  private static final List<String> INLINE_DOCKERFILES = List.of(
      "# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine AS base\nRUN echo `\n  hi\n",
      "ARG BASE=alpine\nFROM ${BASE} AS build\nWORKDIR /src\nCOPY --chown=1:1 --chmod=755 . .\n"
          + "RUN --mount=type=cache,target=/root/.cache --network=none make\n",
      "FROM scratch\nCOPY <<EOF <<-'E2' /dst/\nhello $X\nEOF\n\tworld\n\tE2\nENTRYPOINT [\"/bin/sh\", \"-c\"]\n",
      "FROM busybox\nONBUILD RUN echo hi\nHEALTHCHECK --interval=5s --timeout=3s CMD [\"true\"]\n"
          + "EXPOSE 80/tcp 53/udp\nLABEL a=b \"c d\"=e\nENV A=1 B=\"2 3\"\nSTOPSIGNAL SIGKILL\n"
          + "SHELL [\"/bin/bash\", \"-c\"]\nUSER 1000:1000\nVOLUME [\"/data\"]\nCMD echo done\n",
      "\uFEFFFROM alpine\r\nRUN a \\\r\n  # comment\r\n\r\n  b\r\nADD --checksum=sha256:00 https://x/y /z\n");

  private static final List<String> INLINE_WORDS = List.of(
      "hello", "he'll'o", "\"abc\\tdef\"", "${PWD:-x}", "${a:+${b}}", "${a?msg}", "${NULL:?}", "$1x", "${x#*/}",
      "${x%%.*}", "${x/a/b}", "${x//a/b}", "\\$PWD", "'$PWD'", "\"${space}\"", "${#x}", "$", "${", "${}");

  /** The conformance seeds, or the fallback ones. */
  static Seeds load() {
    Path conformance = conformanceDir();
    if (conformance != null) {
      return new Seeds(readDockerfiles(conformance.resolve("parser")), readShellVectors(conformance.resolve("shell")),
          "BuildKit conformance data at " + conformance);
    }
    List<byte[]> dockerfiles = new ArrayList<>(INLINE_DOCKERFILES.stream().map(Seeds::utf8).toList());
    String repo = System.getProperty("lade.repo", ".");
    Path samples = Path.of(repo, "testdata", "dockerfiles");
    if (Files.isDirectory(samples)) dockerfiles.addAll(readDockerfiles(samples));
    return new Seeds(dockerfiles, INLINE_WORDS,
        "FALLBACK (BuildKit conformance data not found; set LADE_CONFORMANCE): lade's testdata/dockerfiles, "
            + "inline Dockerfiles and inline shell words");
  }

  private static Path conformanceDir() {
    String env = System.getenv("LADE_CONFORMANCE");
    String repo = System.getProperty("lade.repo");
    Path dir = env != null && !env.isBlank() ? Path.of(env)
        : repo == null ? null : Path.of(repo).resolve("../shared/conformance/buildkit").normalize();
    return dir != null && Files.isDirectory(dir.resolve("parser")) && Files.isDirectory(dir.resolve("shell")) ? dir : null;
  }

  /** Every file named {@code Dockerfile} under {@code dir}, in a stable order. */
  private static List<byte[]> readDockerfiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().map(Seeds::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The input column of envVarTest ({@code TAG|input|output}) and wordsTest ({@code input|output}). */
  private static List<String> readShellVectors(Path dir) {
    List<String> words = new ArrayList<>();
    for (String file : List.of("envVarTest", "wordsTest")) {
      for (String line : new String(read(dir.resolve(file)), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.startsWith("ENV ")) continue;
        String[] fields = line.split("\\|", -1);
        if (fields.length >= 2) words.add(fields[fields.length - 2].strip());
      }
    }
    return words;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

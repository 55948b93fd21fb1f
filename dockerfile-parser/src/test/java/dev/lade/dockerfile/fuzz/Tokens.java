package dev.lade.dockerfile.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Byte sequences that mean something to the Dockerfile parser or the shell expander. */
final class Tokens {
  private Tokens() {}

  static final List<byte[]> ALL = List.of(
      // escapes, quotes, expansions
      s("\\"), s("`"), s("\\\n"), s("`\n"), s("\\ "), s("$"), s("${"), s("}"), s(":-"), s(":+"), s(":?"), s("?"),
      s("#"), s("##"), s("%"), s("%%"), s("/"), s("//"), s("*"), s("["), s("]"), s("\""), s("'"), s("${a:-"),
      s("${#"), s("$1"),
      // heredocs
      s("<<EOF"), s("<<-'E'"), s("<<\"EOF\""), s("<<-EOF"), s("\nEOF\n"), s("\n\tE\n"), s("<<"),
      // lines, directives, instructions, flags
      s("\r\n"), s("\n"), s("\r"), s("\t"), s("\u000B"), s("\f"), s("# escape=`\n"), s("# escape=\\\n"),
      s("# syntax=docker/dockerfile:1\n"), s("# check=skip=all\n"), s("--mount=type=cache,target="),
      s("--mount=type=bind,from=x,source=/,target=/t,rw"), s("--mount=type=secret,id=s,required"),
      s("--mount=type=tmpfs,size=1g"), s("--chown="), s("--chmod=0755"), s("--from="), s("--network=none"),
      s("--security=insecure"), s("--interval=1s"), s("--platform=$BUILDPLATFORM"), s("--"), s("-"), s("="),
      s("ONBUILD "), s("FROM "), s("RUN "), s("CMD "), s("ENV "), s("ARG "), s("COPY "), s("ADD "), s("LABEL "),
      s("HEALTHCHECK CMD "), s("SHELL "), s("EXPOSE "), s("USER "), s("VOLUME "), s("WORKDIR "), s(" AS "),
      s("[\"a\", \"b\"]"), s("[]"), s("\\u0041"), s("\\\""),
      // encodings
      s("\uFEFF"), s("\u0000"), s("\u2028"), s("\u2029"), s("\u0085"), s("\u00A0"), s("\u3000"), s("한"), s("👽"),
      new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      new byte[] {(byte) 0xF0, (byte) 0x9F}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

  private static byte[] s(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package dev.lade.dockerfile.parser;

import static dev.lade.dockerfile.parser.Parsing.dump;
import static dev.lade.dockerfile.parser.Parsing.failure;
import static dev.lade.dockerfile.parser.Parsing.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per BuildKit argument parser, with examples from Docker's Dockerfile reference. */
class ArgumentSyntaxTest {

  @Test
  void whitespaceListForFromAndExpose() {
    assertEquals("(from \"golang:1.23\" \"AS\" \"build\")", dump("FROM golang:1.23 AS build"));
    assertEquals("(expose \"80/tcp\" \"80/udp\")", dump("EXPOSE 80/tcp\t \u000B80/udp"));
    assertEquals("(from)", dump("FROM"));
  }

  @Test
  void jsonOrListForAddCopyVolume() {
    Node json = first("COPY [\"hom* file\", \"/mydir/\"]");
    assertEquals(List.of("hom* file", "/mydir/"), json.argValues());
    assertTrue(json.json());
    Node plain = first("COPY --chown=55:mygroup files* /somedir/");
    assertEquals(List.of("files*", "/somedir/"), plain.argValues());
    assertEquals(List.of("--chown=55:mygroup"), plain.flags());
    assertFalse(plain.json());
    assertEquals("(volume \"/myvol\")", dump("VOLUME /myvol"));
    assertEquals("(add \"[\\\"a\\\",\" \"b]\")", dump("ADD [\"a\", b]"));
  }

  @Test
  void jsonOrStringForRunCmdEntrypointShell() {
    assertEquals("(cmd \"echo\" \"This is a test.\")", dump("CMD [\"echo\", \"This is a test.\"]"));
    Node shell = first("RUN /bin/bash -c 'source $HOME/.bashrc && echo $HOME'");
    assertEquals(List.of("/bin/bash -c 'source $HOME/.bashrc && echo $HOME'"), shell.argValues());
    assertFalse(shell.json());
    assertEquals("(shell \"powershell\" \"-command\")", dump("SHELL [\"powershell\", \"-command\"]"));
    assertEquals("(entrypoint \"top -b\")", dump("ENTRYPOINT top -b"));
    Node empty = first("CMD []");
    assertEquals(List.of(), empty.args());
    assertTrue(empty.json());
    assertEquals("(run)", dump("RUN"));
  }

  @Test
  void stringForUserWorkdirStopsignalMaintainer() {
    assertEquals("(user \"patrick:staff\")", dump("USER patrick:staff"));
    assertEquals("(workdir \"/path/to  spaced workdir\")", dump("WORKDIR /path/to  spaced workdir"));
    assertEquals("(stopsignal \"SIGKILL\")", dump("STOPSIGNAL SIGKILL"));
    assertEquals("(maintainer \"SvenDowideit@home.org.au\")", dump("MAINTAINER SvenDowideit@home.org.au"));
    assertEquals("(user)", dump("USER"));
  }

  @Test
  void wordsForArgKeepQuotesAndEscapes() {
    assertEquals("(arg \"user1=someuser\" \"buildno\")", dump("ARG user1=someuser buildno"));
    assertEquals("(arg \"abc=\\\"123 456\\\"\" \"def\")", dump("ARG abc=\"123 456\" def"));
    assertEquals("(arg)", dump("ARG"));
  }

  @Test
  void nameValueForEnvAndLabel() {
    assertEquals("(env \"MY_NAME\" \"\\\"John Doe\\\"\" \"=\" \"MY_DOG\" \"Rex\\\\ The\\\\ Dog\" \"=\")",
        dump("ENV MY_NAME=\"John Doe\" MY_DOG=Rex\\ The\\ Dog"));
    assertEquals("(label \"\\\"com.example.vendor\\\"\" \"\\\"ACME Incorporated\\\"\" \"=\")",
        dump("LABEL \"com.example.vendor\"=\"ACME Incorporated\""));
    assertEquals("(env \"MY_VAR\" \"my-value  with\\tspaces\" \"\")", dump("ENV MY_VAR my-value  with\tspaces"));
    assertEquals("(env \"EMPTY\" \"\" \"=\")", dump("ENV EMPTY="));
    assertEquals("(env)", dump("ENV"));
  }

  @Test
  void nameValueErrors() {
    assertEquals("ENV must have two arguments", failure("ENV PATH").reason());
    assertEquals("LABEL must have two arguments", failure("label version").reason());
    assertEquals("Syntax error - can't find = in \"two\". Must be of the form: name=value",
        failure("ENV one=1 two").reason());
  }

  @Test
  void healthcheckTypeThenCommand() {
    Node shell = first("HEALTHCHECK --interval=5m --timeout=3s \\\n  CMD curl -f http://localhost/ || exit 1");
    assertEquals(List.of("--interval=5m", "--timeout=3s"), shell.flags());
    assertEquals(List.of("CMD", "curl -f http://localhost/ || exit 1"), shell.argValues());
    Node json = first("HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]");
    assertEquals(List.of("CMD", "curl", "-f", "http://localhost/"), json.argValues());
    assertTrue(json.json());
    assertEquals("(healthcheck \"NONE\")", dump("HEALTHCHECK NONE"));
    assertEquals("(healthcheck)", dump("HEALTHCHECK"));
  }

  @Test
  void onbuildHoldsTheNestedInstruction() {
    Node onbuild = first("ONBUILD ADD . /app/src");
    assertEquals(1, onbuild.args().size());
    Node nested = onbuild.args().get(0).children().get(0);
    assertEquals("ADD", nested.value());
    assertEquals(List.of(".", "/app/src"), nested.argValues());
    assertEquals("ADD . /app/src", nested.original());
    assertEquals(1, nested.startLine());
    assertEquals("(onbuild (copy [\"--from=build\"] \".\" \"/\"))", dump("ONBUILD COPY --from=build . /"));
    assertEquals("(onbuild (run \"echo\" \"hi\"))", dump("onbuild run [\"echo\", \"hi\"]"));
    assertEquals("(onbuild)", dump("ONBUILD"));
    assertEquals("ENV must have two arguments", failure("ONBUILD ENV X").reason());
  }

  @Test
  void onbuildChainsNestUpToALimitThenFailWithoutDeepRecursion() {
    assertEquals("(onbuild (onbuild (run \"x\")))", dump("ONBUILD ONBUILD RUN x"));
    int limit = InstructionParser.MAX_ONBUILD_NESTING;
    assertTrue(dump("ONBUILD ".repeat(limit) + "RUN x").endsWith("(run \"x\")" + ")".repeat(limit)));
    assertEquals("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", failure("ONBUILD ".repeat(limit + 1) + "RUN x").reason());
    // 8000 levels fit one physical line; they overflowed the stack before the limit existed
    DockerfileParseException e = failure("FROM a\n  ONBUILD " + "ONBUILD ".repeat(8_000) + "RUN x");
    assertEquals(2, e.line());
    assertEquals(3, e.column());
  }

  @Test
  void unknownInstructionsGetOneEmptyArgument() {
    assertEquals("(foo \"\")", dump("FOO bar baz"));
    assertEquals("(foo \"\")", dump("FOO"));
    assertEquals(List.of(""), first("FOO bar").argValues());
  }

  @Test
  void instructionNamesMatchInAnyCaseAndKeepTheirCase() {
    Node n = first("rUn echo hi");
    assertEquals("rUn", n.value());
    assertEquals("(run \"echo hi\")", Dump.dump(Parser.parse("rUn echo hi".getBytes(java.nio.charset.StandardCharsets.UTF_8)).root()));
  }

  @Test
  void flagsAreTakenOffTheFront() {
    Node n = first("RUN --mount=type=cache,target=/root/.cache/go-build --network=none go build .");
    assertEquals(List.of("--mount=type=cache,target=/root/.cache/go-build", "--network=none"), n.flags());
    assertEquals(List.of("go build ."), n.argValues());
  }

  @Test
  void flagQuotesGroupAndAreRemovedBackslashEscapes() {
    assertEquals(List.of("--x=a b", "--y=it's", "--z="), first("COPY --x=\"a b\" --y='it'\\''s' --z=\"\" a b").flags());
    assertEquals(List.of("--label=a\"b"), first("COPY --label=a\\\"b x y").flags());
    assertEquals(List.of("--x=unterminated quote"), first("RUN --x=\"unterminated quote").flags());
  }

  @Test
  void aBareDoubleDashEndsTheFlags() {
    Node n = first("COPY --doit=true -- --not-a-flag /tmp/");
    assertEquals(List.of("--doit=true"), n.flags());
    assertEquals(List.of("--not-a-flag", "/tmp/"), n.argValues());
    assertEquals("(cmd [\"--doit\"])", dump("CMD --doit -- [ ]"));
  }

  @Test
  void flagsAfterTheFirstArgumentAreArguments() {
    Node n = first("COPY src --chown=1 dst");
    assertEquals(List.of(), n.flags());
    assertEquals(List.of("src", "--chown=1", "dst"), n.argValues());
  }

  @Test
  void nonAsciiFlagValuesStayAsWritten() {
    // Deliberate difference from BuildKit, which would give "--chown=Ã©tienne" (see FlagExtractor).
    assertEquals(List.of("--chown=étienne"), first("COPY --chown=étienne a b").flags());
    assertEquals(List.of("--chown=à"), first("COPY --chown=à a b").flags());
    assertEquals("(copy [\"--chown=étienne\"] \"a\" \"b\")", dump("COPY --chown=étienne a b"));
  }
}

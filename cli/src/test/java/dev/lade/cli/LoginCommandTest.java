package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoginCommandTest {
  @TempDir Path config;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void passwordAndPasswordStdinExcludeEachOther() {
    assertEquals(2, run("login", "--config", config.toString(), "-u", "a", "-p", "b", "--password-stdin", "localhost:5000"));
    assertEquals("lade: --password and --password-stdin are mutually exclusive\n", err.toString());
  }

  @Test
  void passwordStdinNeedsAUserName() {
    assertEquals(2, run("login", "--config", config.toString(), "--password-stdin", "localhost:5000"));
    assertEquals("lade: Must provide --username with --password-stdin\n", err.toString());
  }

  @Test
  void refusesAMalformedRegistry() {
    assertEquals(2, run("login", "--config", config.toString(), "-u", "a", "-p", "b", "Not A Host"));
    assertTrue(err.toString().startsWith("lade: invalid registry \"Not A Host\""), err.toString());
  }

  @Test
  void anUnreachableRegistryFailsWithExit1AndStoresNothing() throws Exception {
    String secret = "never-shown-42";
    int code;
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream((secret + "\n").getBytes(StandardCharsets.UTF_8)));
      code = run("login", "--config", config.toString(), "-u", "lade", "--password-stdin", "127.0.0.1:1");
    } finally {
      System.setIn(stdin);
    }

    assertEquals(1, code);
    assertTrue(err.toString().startsWith("lade: registry 127.0.0.1:1: connect: connection refused"), err.toString());
    assertFalse(err.toString().contains(secret));
    assertFalse(Files.exists(config.resolve("config.json")));
  }

  @Test
  void logoutRemovesTheStoredLogin() throws Exception {
    Files.writeString(config.resolve("config.json"),
        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"YTpi\"},\"localhost:5000\":{\"auth\":\"YTpi\"}}}");

    assertEquals(0, run("logout", "--config", config.toString()));
    assertEquals(0, run("logout", "--config", config.toString(), "https://index.docker.io/v1/"));

    assertEquals("Removing login credentials for docker.io\nNot logged in to docker.io\n", out.toString());
    assertEquals("{\n  \"auths\" : {\n    \"localhost:5000\" : {\n      \"auth\" : \"YTpi\"\n    }\n  }\n}",
        Files.readString(config.resolve("config.json")));
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}

package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.registry.testing.Credentials;
import dev.lade.registry.testing.LocalRegistry;
import dev.lade.registry.testing.RegistryExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lade login REGISTRY} without {@code -u} or {@code --password-stdin}, in a real terminal (a
 * pseudo-terminal that script(1) makes): it asks for the username and the password as Docker does,
 * the password is not echoed, and the login is checked against the TLS registry with htpasswd.
 */
class InteractiveLoginTest {
  @RegisterExtension static RegistryExtension basic = RegistryExtension.tlsBasicAuth();

  @TempDir Path temp;

  @Test
  void promptsForUsernameAndPasswordWithoutEchoingIt() throws Exception {
    LocalRegistry registry = basic.registry();
    Credentials user = registry.credentials();

    String screen = loginInTerminal(registry, user.username(), user.password());

    assertTrue(screen.contains("Username: "), screen);
    assertTrue(screen.contains("Password: "), screen);
    assertTrue(screen.contains("Login Succeeded"), screen);
    assertFalse(screen.contains(user.password()), "the password is echoed: " + screen);
    assertTrue(Files.readString(temp.resolve("docker/config.json")).contains("\"" + registry.host() + "\""));
  }

  @Test
  void refusedInteractiveLoginStoresNothingAndShowsNoPassword() throws Exception {
    LocalRegistry registry = basic.registry();
    String wrong = "wrong-" + registry.credentials().password();

    String screen = loginInTerminal(registry, registry.credentials().username(), wrong);

    assertTrue(screen.contains("lade: registry " + registry.host() + ": "), screen);
    assertFalse(screen.contains(wrong), "the password is shown: " + screen);
    assertFalse(Files.exists(temp.resolve("docker/config.json"))
        && Files.readString(temp.resolve("docker/config.json")).contains(registry.host()), "a refused login is stored");
  }

  /** Runs {@code lade login} in a terminal, answering its prompts as they appear; returns what it showed. */
  private String loginInTerminal(LocalRegistry registry, String username, String password) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script (bsdutils), in tools/test-packages.txt");
    String command = shellWords(LadeProcess.command("--root", temp.resolve("store").toString(), "login",
        "--config", temp.resolve("docker").toString(), "--insecure-registry", registry.host(), registry.host()));
    Process script = new ProcessBuilder("script", "-qfec", command, "/dev/null")
        .redirectErrorStream(true).start();
    Screen screen = new Screen(script.getInputStream());
    try (OutputStream keyboard = script.getOutputStream()) {
      screen.awaitText("Username: ");
      type(keyboard, username);
      screen.awaitText("Password: ");
      type(keyboard, password);
      assertTrue(script.waitFor(60, TimeUnit.SECONDS), "lade login ended: " + screen.text());
    } finally {
      script.destroyForcibly();
    }
    screen.join();
    int expected = password.startsWith("wrong-") ? ExitCode.FAILED : ExitCode.OK;
    assertEquals(expected, script.exitValue(), screen.text());
    return screen.text();
  }

  private static void type(OutputStream keyboard, String line) throws IOException {
    keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  private static String shellWords(List<String> words) {
    List<String> quoted = new ArrayList<>();
    for (String word : words) quoted.add("'" + word.replace("'", "'\\''") + "'");
    return String.join(" ", quoted);
  }

  /** What the terminal shows, collected by a thread of its own so that the test can wait for a prompt. */
  private static final class Screen {
    private final StringBuilder text = new StringBuilder();
    private final Thread reader;

    Screen(InputStream in) {
      reader = Thread.ofPlatform().daemon().start(() -> {
        byte[] buffer = new byte[4096];
        try {
          for (int n; (n = in.read(buffer)) > 0; ) {
            synchronized (text) {
              text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
              text.notifyAll();
            }
          }
        } catch (IOException e) {
          // the terminal closed: what it showed is kept
        }
      });
    }

    void awaitText(String wanted) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      synchronized (text) {
        while (text.indexOf(wanted) < 0) {
          long left = deadline - System.nanoTime();
          assertTrue(left > 0, "the terminal never showed " + wanted + ": " + text);
          text.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
      }
    }

    String text() {
      synchronized (text) {
        return text.toString();
      }
    }

    void join() throws InterruptedException {
      reader.join(TimeUnit.SECONDS.toMillis(10));
    }
  }
}

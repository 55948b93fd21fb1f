package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.Credentials;
import dev.lade.registry.testing.LocalRegistry;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.TokenPolicy;
import dev.lade.registry.transfer.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lade login} and {@code logout} against the TLS registries, one with htpasswd and one with
 * a token server: a login that the registry accepts is stored and used by push; a refused one
 * stores nothing; the password shows nowhere, not even in {@code --debug} stack traces.
 */
class LoginAgainstRegistriesTest {
  private static final Credentials BOB = new Credentials("bob", "bob-token-secret-17");

  @RegisterExtension static RegistryExtension basic = RegistryExtension.tlsBasicAuth();
  @RegisterExtension static RegistryExtension token = RegistryExtension.tlsToken(TokenPolicy.pushPull(BOB));

  @TempDir Path temp;

  private CliRun lade(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--root", temp.resolve("store").toString()));
    all.addAll(List.of(args));
    return CliRun.withInput(stdin, all.toArray(String[]::new));
  }

  private void logsInPushesAndLogsOut(LocalRegistry registry, Credentials user) throws Exception {
    Path config = temp.resolve("docker");
    OciLayoutStore layout = OciLayoutStore.open(temp.resolve("layout"));
    TestImages.named(layout, "1", TestImages.image(layout, Platform.of("linux", "amd64"), 5, 700));
    String[] options = {"--config", config.toString(), "--insecure-registry", registry.host()};
    String ref = "docker://" + registry.host() + "/lade/logged-in:1";

    CliRun refused = lade("wrong-" + user.password() + "\n", concat(new String[] {"--debug", "login", "-u", user.username(),
        "--password-stdin", registry.host()}, options));
    CliRun login = lade(user.password() + "\n",
        concat(new String[] {"login", "-u", user.username(), "--password-stdin", registry.host()}, options));
    String stored = Files.readString(config.resolve("config.json"));
    CliRun push = lade("", concat(new String[] {"copy", "oci:" + layout.root() + ":1", ref}, options));
    CliRun logout = lade("", concat(new String[] {"logout", registry.host()}, options));
    CliRun anonymous = lade("", concat(new String[] {"copy", "oci:" + layout.root() + ":1", ref}, options));

    assertEquals(1, refused.exitCode(), refused.err());
    assertTrue(refused.err().startsWith("lade: registry " + registry.host() + ": "), refused.err());
    assertFalse((refused.out() + refused.err()).contains(user.password()), "the password is shown: " + refused.err());
    assertEquals(0, login.exitCode(), login.err());
    assertEquals("Login Succeeded\n", login.out());
    assertTrue(stored.contains("\"" + registry.host() + "\""), stored);
    assertEquals(0, push.exitCode(), push.err());
    assertEquals(0, logout.exitCode(), logout.err());
    assertEquals(1, anonymous.exitCode(), "logged out: " + anonymous.err());
    assertEquals(1, anonymous.err().lines().count(), anonymous.err());
    assertFalse(Files.readString(config.resolve("config.json")).contains(registry.host()));
  }

  @Test
  void basicAuthLoginIsCheckedStoredUsedAndRemoved() throws Exception {
    logsInPushesAndLogsOut(basic.registry(), basic.registry().credentials());
  }

  @Test
  void tokenAuthLoginIsCheckedStoredUsedAndRemoved() throws Exception {
    logsInPushesAndLogsOut(token.registry(), BOB);
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}

package dev.lade.runner.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.runner.spec.ProcessUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {

  static final List<String> PASSWD = List.of(
      "root:x:0:0:root:/root:/bin/sh",
      "# a comment",
      "broken line",
      "app:x:1000:1000:app:/home/app:/bin/sh",
      "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin");
  static final List<String> GROUP = List.of(
      "root:x:0:",
      "wheel:x:10:root,app",
      "audio:x:29:app",
      "staff:x:50:",
      "app:x:1000:");

  static ExecUser resolve(String user) throws Exception {
    return UserResolver.resolve(user, PASSWD, GROUP);
  }

  @Test
  void emptyIsRootWithItsGroups() throws Exception {
    assertEquals(new ExecUser(0, 0, List.of(10), "/root"), resolve(""));
  }

  @Test
  void nameTakesPrimaryGroupHomeAndMemberships() throws Exception {
    assertEquals(new ExecUser(1000, 1000, List.of(10, 29), "/home/app"), resolve("app"));
  }

  @Test
  void numberFindsTheSameUser() throws Exception {
    assertEquals(resolve("www-data"), resolve("33"));
  }

  @Test
  void unknownNumberRunsWithGroupZero() throws Exception {
    assertEquals(new ExecUser(4242, 0, List.of(), "/"), resolve("4242"));
  }

  @Test
  void explicitGroupReplacesPrimaryAndDropsSupplementary() throws Exception {
    assertEquals(new ExecUser(1000, 50, List.of(), "/home/app"), resolve("app:staff"));
    assertEquals(new ExecUser(1000, 7777, List.of(), "/home/app"), resolve("app:7777"));
    assertEquals(new ExecUser(4242, 29, List.of(), "/"), resolve("4242:audio"));
  }

  @Test
  void dockerAddsThePrimaryGroupToTheSupplementaryOnes() throws Exception {
    // docker run -u on 20.10.24: builder groups=10,29,1000; 1000:29 groups=29; 4242 groups=0
    assertEquals(new ProcessUser(1000, 1000, List.of(1000, 10, 29)),
        new ExecUser(1000, 1000, List.of(1000, 10, 29), "/").toDockerProcessUser());
    assertEquals(new ProcessUser(1000, 29, List.of(29)), new ExecUser(1000, 29, List.of(), "/").toDockerProcessUser());
    assertEquals(new ProcessUser(4242, 0, List.of(0)), resolve("4242").toDockerProcessUser());
    assertEquals(new ProcessUser(4242, 0, List.of()), resolve("4242").toProcessUser(), "as runc leaves it");
  }

  @Test
  void unknownNamesFailAsDocker() {
    UnknownUserException user = assertThrows(UnknownUserException.class, () -> resolve("nosuch"));
    assertEquals("unable to find user nosuch: no matching entries in passwd file", user.getMessage());
    UnknownUserException group = assertThrows(UnknownUserException.class, () -> resolve("app:nosuch"));
    assertEquals("unable to find group nosuch: no matching entries in group file", group.getMessage());
  }

  @Test
  void imageWithoutPasswdAcceptsOnlyNumbers() throws Exception {
    assertEquals(new ExecUser(0, 0, List.of(), "/"), UserResolver.resolve("", List.of(), List.of()));
    assertEquals(new ExecUser(5, 6, List.of(), "/"), UserResolver.resolve("5:6", List.of(), List.of()));
    assertThrows(UnknownUserException.class, () -> UserResolver.resolve("app", List.of(), List.of()));
  }

  @Test
  void readsTheImageFilesWithoutLeavingTheRootfs(@TempDir Path dir) throws Exception {
    Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc"));
    Path host = Files.createDirectories(dir.resolve("host/etc"));
    Files.write(host.resolve("passwd"), List.of("evil:x:0:0::/:/bin/sh"));
    Files.write(rootfs.resolve("real-passwd"), PASSWD);
    // An absolute link resolves inside the rootfs, and ".." stops at its top.
    Files.createSymbolicLink(rootfs.resolve("passwd"), Path.of("/etc/real-passwd"));
    Files.createSymbolicLink(rootfs.resolve("group"), Path.of("../../../../host/etc/passwd"));
    ExecUser user = UserResolver.resolve(rootfs.getParent(), "app");
    assertEquals(new ExecUser(1000, 1000, List.of(), "/home/app"), user);
  }
}

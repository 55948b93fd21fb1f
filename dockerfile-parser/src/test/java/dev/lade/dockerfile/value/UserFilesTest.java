package dev.lade.dockerfile.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** /etc/passwd and /etc/group read as moby/sys/user does. */
class UserFilesTest {
  private static final String PASSWD = """
      root:x:0:0:root:/root:/bin/bash
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin

      app:x:1000:1000:App User,,,:/home/app:/bin/sh
      app:x:2000:2000::/dup:/bin/sh
      short:x:7
      weird:x:abc:-5
      """;

  private static final String GROUP = """
      root:x:0:
      # a comment
      staff:x:50:app,root
      app:x:1000:
      app:x:3000:
      """;

  @Test
  void passwdLookupsTakeTheFirstEntry() {
    PasswdFile passwd = PasswdFile.parse(PASSWD);
    assertEquals(new PasswdFile.Entry("app", "x", 1000, 1000, "App User,,,", "/home/app", "/bin/sh"),
        passwd.byName("app").orElseThrow());
    assertEquals("daemon", passwd.byUid(1).orElseThrow().name());
    assertTrue(passwd.byName("nobody").isEmpty());
  }

  @Test
  void passwdToleratesShortLinesAndBadNumbers() {
    PasswdFile passwd = PasswdFile.parse(PASSWD);
    assertEquals(new PasswdFile.Entry("short", "x", 7, 0, "", "", ""), passwd.byName("short").orElseThrow());
    PasswdFile.Entry weird = passwd.byName("weird").orElseThrow();
    assertEquals(0, weird.uid());
    assertEquals(-5, weird.gid());
    assertEquals(6, passwd.entries().size());
  }

  @Test
  void groupSkipsCommentsAndListsMembers() {
    GroupFile group = GroupFile.parse(GROUP);
    assertEquals(4, group.entries().size());
    assertEquals(new GroupFile.Entry("staff", "x", 50, List.of("app", "root")), group.byName("staff").orElseThrow());
    assertEquals(1000, group.byName("app").orElseThrow().gid());
    assertEquals(List.of(), group.byGid(0).orElseThrow().members());
    assertEquals(List.of("staff"), group.memberships("root").stream().map(GroupFile.Entry::name).toList());
  }
}

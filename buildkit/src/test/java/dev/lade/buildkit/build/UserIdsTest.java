package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.buildkit.fs.testing.MemoryTree;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** USER to ids as BuildKit's readUser gives them to WORKDIR's mkdir; unknown names count as 0. */
class UserIdsTest {
  private static final MemoryTree ROOTFS = new MemoryTree().dir("etc")
      .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nbuilder:x:1000:1000::/home/builder:/bin/sh\n")
      .file("etc/group", "root:x:0:\nbuilders:x:1000:builder\nstaff:x:50:\n");

  @ParameterizedTest(name = "{0} -> {1}:{2}")
  @CsvSource({
      "'', 0, 0", "builder, 1000, 1000", "builder:staff, 1000, 50", "4242, 4242, 4242", "4242:50, 4242, 50",
      "1000:staff, 1000, 50", "nosuch, 0, 0", "nosuch:staff, 0, 50", "builder:nogroup, 1000, 1000", "root:builders, 0, 1000",
  })
  void resolvesAsBuildKit(String user, long uid, long gid) throws IOException {
    assertEquals(new UserIds(uid, gid), UserIds.resolve(user, ROOTFS));
  }

  @ParameterizedTest(name = "{0} with no /etc -> {1}:{2}")
  @CsvSource({"builder, 0, 0", "7:staff, 7, 7"})
  void withoutPasswdOrGroupFilesNamesCountAsZero(String user, long uid, long gid) throws IOException {
    assertEquals(new UserIds(uid, gid), UserIds.resolve(user, new MemoryTree()));
  }
}

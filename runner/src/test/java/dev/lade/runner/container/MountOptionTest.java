package dev.lade.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.spec.Mount;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountOptionTest {

  @Test
  void volumes() throws Exception {
    assertEquals(Mount.bind("/srv/data", "/data", false), MountOption.volume("/srv/data:/data"));
    assertEquals(Mount.bind("/srv/data", "/data", true), MountOption.volume("/srv/data:/data:ro"));
    assertEquals(Mount.bind("/srv/data", "/data", false), MountOption.volume("/srv/data:/data:rw"));
  }

  @Test
  void badVolumes() {
    for (String bad : List.of("/only-one", "named:/data", "/a:relative", "/a:/b:bogus", "/a:/", "/a:/b:ro:x")) {
      InvalidContainerException e = assertThrows(InvalidContainerException.class, () -> MountOption.volume(bad));
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void tmpfsWithDockersDefaultsAndExtraOptions() throws Exception {
    assertEquals(new Mount("/run", "tmpfs", "tmpfs", List.of("rw", "nosuid", "nodev", "noexec")),
        MountOption.tmpfs("/run"));
    assertEquals(List.of("rw", "nosuid", "nodev", "noexec", "size=64k", "exec"),
        MountOption.tmpfs("/run:size=64k,exec").options());
    assertThrows(InvalidContainerException.class, () -> MountOption.tmpfs("run"));
  }

  @Test
  void byteSizesAsDockersFlags() throws Exception {
    assertEquals(64L << 20, ByteSize.parse("64m"));
    assertEquals(1L << 30, ByteSize.parse("1g"));
    assertEquals(1L << 30, ByteSize.parse("1GB"));
    assertEquals(512 * 1024, ByteSize.parse("512k"));
    assertEquals(1000, ByteSize.parse("1000"));
    assertEquals(1536L << 20, ByteSize.parse("1.5g"));
    assertThrows(InvalidContainerException.class, () -> ByteSize.parse("lots"));
  }
}

package dev.lade.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.ProcessUser;
import dev.lade.runner.spec.RuntimeSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherSpecTest {

  static final RuntimeSpec SPEC = DockerDefaults.spec("/rootfs", "abc", List.of("sh", "-c", "echo hi"));

  static List<String> tokens(RuntimeSpec spec, boolean unified) {
    byte[] encoded = LauncherSpec.encode(spec, Path.of("/state/error"), List.of(Path.of("/cg/cgroup.procs")),
        unified, false);
    String text = new String(encoded, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\0"));
    return Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
  }

  @Test
  void devicesAndLinksComeRightAfterTheDevTmpfs() {
    List<String> tokens = tokens(SPEC, false);
    int dev = tokens.indexOf("/dev");
    assertEquals(List.of("mount", "tmpfs", "/dev", "tmpfs", Long.toString(MountFlags.NOSUID | MountFlags.STRICTATIME),
        "mode=755,size=65536k", "device", "/dev/null", "/dev/null"), tokens.subList(dev - 2, dev + 7));
    assertTrue(tokens.indexOf("/dev/ptmx") < tokens.indexOf("/dev/pts"), "links before devpts is mounted");
  }

  @Test
  void processAndPolicies() {
    RuntimeSpec spec = SPEC.withProcess(SPEC.process().withUser(new ProcessUser(1000, 1000, List.of(10))));
    List<String> tokens = tokens(spec, false);
    assertEquals(List.of("arg", "sh", "arg", "-c", "arg", "echo hi"), tokens.subList(tokens.size() - 6, tokens.size()));
    assertEquals("1000", tokens.get(tokens.indexOf("uid") + 1));
    assertEquals("10", tokens.get(tokens.indexOf("group") + 1));
    assertEquals(14, tokens.stream().filter("cap"::equals).count());
    assertTrue(Collections.indexOfSubList(tokens, List.of("cap", "5")) >= 0, "CAP_KILL is capability 5");
    assertTrue(tokens.contains("nonewprivs"));
    assertTrue(Collections.indexOfSubList(tokens, List.of("cgroup", "/cg/cgroup.procs")) >= 0, tokens.toString());
    assertEquals(List.of("RLIMIT_NOFILE", "1024", "1024"),
        tokens.subList(tokens.indexOf("rlimit") + 1, tokens.indexOf("rlimit") + 4));
  }

  @Test
  void cgroupMountOnlyOnUnifiedHosts() {
    assertFalse(tokens(SPEC, false).contains("/sys/fs/cgroup"));
    List<String> unified = tokens(SPEC, true);
    assertEquals("cgroup2", unified.get(unified.indexOf("/sys/fs/cgroup") + 1));
  }

  @Test
  void readOnlyBindIsARecursiveBindWithRdonly() {
    List<String> tokens = tokens(SPEC.withExtraMounts(List.of(Mount.bind("/host", "/data", true))), false);
    int at = tokens.indexOf("/data");
    assertEquals(List.of("/host", "/data", "", Long.toString(MountFlags.BIND | MountFlags.REC | MountFlags.RDONLY), ""),
        tokens.subList(at - 1, at + 4));
  }

  @Test
  void nulInAValueIsRefused() {
    RuntimeSpec spec = SPEC.withProcess(SPEC.process().withArgs(List.of("echo", "a\0b")));
    assertThrows(IllegalArgumentException.class, () -> tokens(spec, false));
  }

  @Test
  void mountFlagsLaterOptionsWin() {
    assertEquals(new MountFlags(MountFlags.NOSUID, "mode=1777"), MountFlags.parse(List.of("ro", "nosuid", "rw",
        "mode=1777", "rprivate")));
    assertEquals(MountFlags.BIND | MountFlags.REC, MountFlags.parse(List.of("rbind")).flags());
  }
}

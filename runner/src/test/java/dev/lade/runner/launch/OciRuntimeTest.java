package dev.lade.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What lade makes of runc's and crun's logs, and when crun needs the hybrid-host wrapper. */
class OciRuntimeTest {

  @TempDir Path root;

  @Test
  void lastErrorOfAJsonLog() {
    String runc = """
        {"level":"warning","msg":"cannot toggle freezer","time":"2026-11-23T12:00:00Z"}
        {"level":"error","msg":"runc run failed: unable to start container process: exec: \\"nope\\": executable file not found in $PATH","time":"2026-11-23T12:00:00Z"}
        """;
    assertEquals("runc run failed: unable to start container process: exec: \"nope\": executable file not found in"
        + " $PATH", RuntimeLog.lastError(runc));
    String crun = "{\"msg\": \"cgroups in hybrid mode not supported, drop all controllers from cgroupv2\", "
        + "\"level\": \"error\", \"time\": \"2026-11-23T12:00:00.000000Z\"}\n";
    assertEquals("cgroups in hybrid mode not supported, drop all controllers from cgroupv2",
        RuntimeLog.lastError(crun));
  }

  @Test
  void aQuietLogOrOneWithoutErrorsIsNoFailure() {
    assertNull(RuntimeLog.lastError(""));
    assertNull(RuntimeLog.lastError("{\"level\":\"info\",\"msg\":\"error in the text is not an error\"}\n"));
    assertNull(RuntimeLog.lastError("not json at all: error\n"));
  }

  @Test
  void crunAloneOnAHybridHostWithV2ControllersIsWrapped() throws Exception {
    Path controllers = Files.createDirectories(root.resolve("unified")).resolve("cgroup.controllers");
    Files.writeString(controllers, "");
    assertEquals(List.of(), HybridCgroups.wrapperFor(Path.of("/usr/bin/crun"), root), "no v2 controller");
    Files.writeString(controllers, "hugetlb\n");
    assertEquals(List.of(), HybridCgroups.wrapperFor(Path.of("/usr/sbin/runc"), root), "runc runs there");
    assertEquals(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
        "mount --bind /dev/null " + controllers + " && exec \"$0\" \"$@\""),
        HybridCgroups.wrapperFor(Path.of("/usr/bin/crun"), root));
    assertEquals(List.of(), HybridCgroups.wrapperFor(Path.of("/usr/bin/crun"), root.resolve("v2-only")));
  }
}

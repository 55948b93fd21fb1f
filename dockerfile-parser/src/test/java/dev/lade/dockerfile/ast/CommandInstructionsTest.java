package dev.lade.dockerfile.ast;

import static dev.lade.dockerfile.ast.AstTesting.instruction;
import static dev.lade.dockerfile.ast.AstTesting.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CMD, ENTRYPOINT, SHELL, HEALTHCHECK. */
class CommandInstructionsTest {
  @Test
  void cmdAndEntrypointForms() {
    assertEquals(new CommandLine.ExecForm(List.of("top", "-b")),
        ((Entrypoint) instruction("ENTRYPOINT [\"top\", \"-b\"]")).command());
    assertEquals(new CommandLine.ShellForm("exec top -b"),
        ((Entrypoint) instruction("ENTRYPOINT exec top -b")).command());
    assertEquals(new CommandLine.ExecForm(List.of()), ((Entrypoint) instruction("ENTRYPOINT []")).command());
    assertEquals(new CommandLine.ExecForm(List.of("-c")), ((Cmd) instruction("CMD [\"-c\"]")).command());
    assertEquals(new CommandLine.ShellForm("echo \"This is a test.\" | wc -"),
        ((Cmd) instruction("CMD echo \"This is a test.\" | wc -")).command());
  }

  @Test
  void shellNeedsJson() {
    assertEquals(List.of("powershell", "-command"), ((Shell) instruction("SHELL [\"powershell\", \"-command\"]")).shell());
    rejects("SHELL powershell -command", "SHELL requires the arguments to be in JSON form");
    rejects("SHELL []", "SHELL requires at least one argument");
    rejects("CMD --x [\"a\"]", "unknown flag: --x");
  }

  @Test
  void healthcheckCmd() {
    Healthcheck h = (Healthcheck) instruction("HEALTHCHECK --interval=5m --timeout=3s CMD curl -f http://localhost/ || exit 1");
    assertEquals(Optional.of(new CommandLine.ShellForm("curl -f http://localhost/ || exit 1")), h.test());
    assertEquals(Duration.ofMinutes(5), h.interval());
    assertEquals(Duration.ofSeconds(3), h.timeout());
    assertEquals(Duration.ZERO, h.startPeriod());
    assertEquals(0, h.retries());
  }

  @Test
  void healthcheckAllFlagsAndExecForm() {
    Healthcheck h = (Healthcheck) instruction("HEALTHCHECK --interval=30s --timeout=30s --start-period=5s "
        + "--start-interval=5s --retries=3 CMD [\"/app/check.sh\", \"--quiet\"]");
    assertEquals(Optional.of(new CommandLine.ExecForm(List.of("/app/check.sh", "--quiet"))), h.test());
    assertEquals(Duration.ofSeconds(5), h.startPeriod());
    assertEquals(Duration.ofSeconds(5), h.startInterval());
    assertEquals(3, h.retries());
  }

  @Test
  void durationsAreGoDurations() {
    Healthcheck h = (Healthcheck) instruction("HEALTHCHECK --interval=1m30s --timeout=1.5s --start-interval=1ms CMD true");
    assertEquals(Duration.ofSeconds(90), h.interval());
    assertEquals(Duration.ofMillis(1500), h.timeout());
    assertEquals(Duration.ofMillis(1), h.startInterval());
  }

  @Test
  void zeroMeansUnset() {
    Healthcheck h = (Healthcheck) instruction("HEALTHCHECK --start-period=0s --interval=0 --retries=0 CMD foo");
    assertEquals(Duration.ZERO, h.startPeriod());
    assertEquals(Duration.ZERO, h.interval());
  }

  @Test
  void healthcheckNoneIgnoresFlags() {
    Healthcheck h = (Healthcheck) instruction("HEALTHCHECK --whatever=1 NONE");
    assertTrue(h.isNone());
    assertEquals(Duration.ZERO, h.interval());
  }

  @Test
  void healthcheckErrors() {
    rejects("HEALTHCHECK", "HEALTHCHECK requires at least one argument");
    rejects("HEALTHCHECK NONE now", "HEALTHCHECK NONE takes no arguments");
    rejects("HEALTHCHECK CONNECT TCP 7000", "Unknown type \"CONNECT\" in HEALTHCHECK (try CMD)");
    rejects("HEALTHCHECK CMD", "Missing command after HEALTHCHECK CMD");
    rejects("HEALTHCHECK --interval=-5s CMD true", "Interval \"interval\" cannot be less than 1ms");
    rejects("HEALTHCHECK --start-interval=500us CMD true", "Interval \"start-interval\" cannot be less than 1ms");
    rejects("HEALTHCHECK --timeout=5 CMD true", "time: missing unit in duration \"5\"");
    rejects("HEALTHCHECK --timeout=soon CMD true", "time: invalid duration \"soon\"");
    rejects("HEALTHCHECK --retries=-1 CMD true", "--retries cannot be negative (-1)");
    rejects("HEALTHCHECK --retries=three CMD true", "strconv.ParseInt: parsing \"three\": invalid syntax");
    rejects("HEALTHCHECK --interval CMD true", "missing a value on flag: --interval");
    rejects("HEALTHCHECK --intervall=5s CMD true", "unknown flag: --intervall (did you mean interval?)");
  }
}

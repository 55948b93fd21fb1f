package dev.lade.dockerfile.ast;

import static dev.lade.dockerfile.ast.AstTesting.instruction;
import static dev.lade.dockerfile.ast.AstTesting.parse;
import static dev.lade.dockerfile.ast.AstTesting.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.dockerfile.parser.Heredoc;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunInstructionTest {
  @Test
  void shellFormKeepsTheLineAsWritten() {
    Run run = (Run) instruction("RUN apt-get update && apt-get install -y curl");
    assertEquals(new CommandLine.ShellForm("apt-get update && apt-get install -y curl"), run.command());
    assertEquals(NetworkMode.DEFAULT, run.network());
    assertEquals(SecurityMode.SANDBOX, run.security());
    assertEquals(List.of(), run.mounts());
    assertEquals(new SourceLocation(2, 2), run.location());
    assertEquals("RUN apt-get update && apt-get install -y curl", run.original());
  }

  @Test
  void execFormIsTheJsonArray() {
    Run run = (Run) instruction("RUN [\"/bin/bash\", \"-c\", \"echo hello\"]");
    assertEquals(new CommandLine.ExecForm(List.of("/bin/bash", "-c", "echo hello")), run.command());
  }

  @Test
  void continuationLinesAreJoined() {
    Run run = (Run) parse("FROM alpine\nRUN /bin/bash -c 'source $HOME/.bashrc && \\\necho $HOME'\n")
        .stages().get(0).instructions().get(0);
    assertEquals(new CommandLine.ShellForm("/bin/bash -c 'source $HOME/.bashrc && echo $HOME'"), run.command());
    assertEquals(new SourceLocation(2, 3), run.location());
  }

  @Test
  void heredocsAreKept() {
    Run run = (Run) parse("FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n")
        .stages().get(0).instructions().get(0);
    assertEquals(new CommandLine.ShellForm("<<EOF"), run.command());
    assertEquals(List.of(new Heredoc("EOF", "apt-get update\napt-get install -y curl\n", true, false, 0)),
        run.heredocs());
    assertEquals(new SourceLocation(2, 5), run.location());
  }

  @Test
  void mountsAreParsedInOrder() {
    Run run = (Run) instruction("RUN --mount=type=cache,target=/var/cache/apt,sharing=locked "
        + "--mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=ssh --mount=type=ssh,id=b "
        + "apt update && apt-get --no-install-recommends install -y gcc");
    assertEquals(List.of(
        new Mount.Cache("/var/cache/apt", "/var/cache/apt", Mount.Sharing.LOCKED, Optional.empty(), "", false, 0755, 0, 0),
        new Mount.Cache("/var/lib/apt", "/var/lib/apt", Mount.Sharing.LOCKED, Optional.empty(), "", false, 0755, 0, 0),
        new Mount.Ssh("default", "/run/buildkit/ssh_agent.0", false, 0600, 0, 0),
        new Mount.Ssh("b", "/run/buildkit/ssh_agent.1", false, 0600, 0, 0)), run.mounts());
    assertEquals(new CommandLine.ShellForm("apt update && apt-get --no-install-recommends install -y gcc"),
        run.command());
  }

  @Test
  void networkAndSecurityModes() {
    assertEquals(NetworkMode.NONE,
        ((Run) instruction("RUN --network=none pip install --find-links wheels mypackage")).network());
    assertEquals(NetworkMode.HOST, ((Run) instruction("RUN --network=host curl example.com")).network());
    assertEquals(SecurityMode.INSECURE,
        ((Run) instruction("RUN --security=insecure cat /proc/self/status | grep CapEff")).security());
  }

  @Test
  void badFlagsAreLocatedErrors() {
    assertEquals(5, rejects("RUN --network=bridge true", "invalid network mode \"bridge\"").column());
    rejects("RUN --security=privileged true", "security \"privileged\" is not valid");
    rejects("RUN --mount=type=cahce,target=/x true", "unsupported mount type \"cahce\" (did you mean cache?)");
    rejects("RUN --mnt=type=cache true", "unknown flag: --mnt (did you mean mount?)");
    rejects("RUN --network=none --network=host true", "duplicate flag specified: --network");
  }

  @Test
  void mountErrorPointsAtTheMountValue() {
    String line = "RUN --mount=type=cache,target=/x --mount=type=bind,sharing=locked,target=/y true";
    assertEquals(line.indexOf("type=bind") + 1,
        rejects(line, "invalid cache sharing set for bind mount").column());
  }
}

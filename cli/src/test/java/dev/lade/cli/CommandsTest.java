package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which subcommands an invocation gets: only the one it names, else all of them. */
class CommandsTest {

  @Test
  void theSubcommandIsTheFirstArgumentThatIsNotARootOption() {
    assertEquals("build", Commands.subcommandName("build", "-t", "x", "."));
    assertEquals("build", Commands.subcommandName("--debug", "--root", "/tmp/store", "build", "."));
    assertEquals("build", Commands.subcommandName("--root=/tmp/store", "build"));
    assertEquals("images", Commands.subcommandName("--root", "build", "images"));
    assertEquals("build", Commands.subcommandName("--snapshotter", "copy", "build", "."));
    assertEquals("run", Commands.subcommandName("--snapshotter=overlay", "run", "img"));
    assertNull(Commands.subcommandName("--version"));
    assertNull(Commands.subcommandName("--", "build"));
    assertNull(Commands.subcommandName());
  }

  @Test
  void anInvocationThatNamesACommandGetsOnlyThatOne() {
    CommandLine cli = Main.commandLine("--debug", "images", "--quiet");
    assertEquals(List.of("images"), List.copyOf(cli.getSubcommands().keySet()));
  }

  @Test
  void theVersionNeedsNoCommand() {
    assertEquals(List.of(), List.copyOf(Main.commandLine("--version").getSubcommands().keySet()));
  }

  @Test
  void helpAndUnknownNamesGetEveryCommand() {
    int all = Main.commandLine().getSubcommands().size();
    assertEquals(all, Main.commandLine("help", "build").getSubcommands().size());
    assertEquals(all, Main.commandLine("frobnicate").getSubcommands().size());
    assertEquals(all, Main.commandLine("--help").getSubcommands().size());
  }

  /** The table's names are the ones the commands' annotations give, so each lone registration finds its command. */
  @Test
  void everyCommandAloneIsRegisteredUnderItsOwnName() {
    for (String name : Main.commandLine().getSubcommands().keySet()) {
      if (name.equals("help")) continue;
      CommandLine alone = Main.commandLine(name);
      assertEquals(1, alone.getSubcommands().size(), name);
      assertTrue(alone.getSubcommands().containsKey(name), name);
    }
  }

  @Test
  void runStillStopsAtTheImage() {
    CommandLine run = Main.commandLine("run", "img", "--rm").getSubcommands().get("run");
    assertTrue(run.isStopAtPositional());
  }
}

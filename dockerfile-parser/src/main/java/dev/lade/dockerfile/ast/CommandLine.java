package dev.lade.dockerfile.ast;

import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD, in one of its two forms.
 *
 * <p>Shell form ({@code RUN make all}) is run by the stage's SHELL; exec form
 * ({@code RUN ["make", "all"]}) is run as is.
 */
public sealed interface CommandLine {

  /**
   * A command line for the shell, e.g. {@code make all}.
   *
   * @param script the text after the instruction's flags, as written (may be empty)
   */
  record ShellForm(String script) implements CommandLine {}

  /**
   * A JSON array, e.g. {@code ["make", "all"]}.
   *
   * @param args the array's strings, JSON escapes decoded (may be empty)
   */
  record ExecForm(List<String> args) implements CommandLine {
    public ExecForm {
      args = List.copyOf(args);
    }
  }
}

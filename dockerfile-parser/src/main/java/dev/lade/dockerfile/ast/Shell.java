package dev.lade.dockerfile.ast;

import java.util.List;

/**
 * {@code SHELL ["executable", "parameters"]}: the shell that runs shell-form commands.
 *
 * @param shell the JSON array's strings, never empty
 */
public record Shell(List<String> shell, SourceLocation location, String original) implements Instruction {
  public Shell {
    shell = List.copyOf(shell);
  }
}

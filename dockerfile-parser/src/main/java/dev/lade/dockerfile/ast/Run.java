package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.parser.Heredoc;
import java.util.List;

/**
 * {@code RUN [--mount=...]... [--network=...] [--security=...] COMMAND}.
 *
 * @param command the command, shell or exec form
 * @param heredocs heredoc bodies written after the command line, in order
 * @param mounts the {@code --mount} flags, parsed, in order
 * @param network the {@code --network} mode ({@code default} when not given)
 * @param security the {@code --security} mode ({@code sandbox} when not given)
 */
public record Run(
    CommandLine command, List<Heredoc> heredocs, List<Mount> mounts, NetworkMode network,
    SecurityMode security, SourceLocation location, String original) implements Instruction {
  public Run {
    heredocs = List.copyOf(heredocs);
    mounts = List.copyOf(mounts);
  }
}

package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.Instruction;
import java.util.List;

/**
 * One instruction of a stage after variable expansion.
 *
 * <p>{@link #expanded} is the same kind of instruction with its words expanded where BuildKit
 * expands them: ADD and COPY (sources, destination, {@code --chown}, ADD's {@code --checksum},
 * heredoc bodies unless the delimiter was quoted), ENV and LABEL (keys and values), EXPOSE
 * (each port, split into words), USER, WORKDIR, STOPSIGNAL, VOLUME, RUN's {@code --mount}
 * values, and ARG (each declaration then holds the value it resolved to, or none). RUN, CMD,
 * ENTRYPOINT and HEALTHCHECK commands are left to the shell, and SHELL, MAINTAINER and ONBUILD
 * are not expanded, so those come back unchanged.
 *
 * @param instruction the instruction as written
 * @param expanded the instruction with its words expanded
 * @param before the state the words were expanded with (for ENV, every pair of the line sees
 *     this state: {@code ENV a=1 b=$a} uses the old {@code a})
 * @param after the state after the instruction
 * @param undefined the variables used but not set nor declared, by first name in order of name
 */
public record EvaluatedInstruction(
    Instruction instruction, Instruction expanded, StageState before, StageState after,
    List<UndefinedVariable> undefined) {
  public EvaluatedInstruction {
    undefined = List.copyOf(undefined);
  }
}

package dev.lade.dockerfile.ast;

import java.util.List;
import java.util.Optional;

/**
 * One build stage: a FROM and the instructions up to the next FROM.
 *
 * @param index the stage's position, from 0; {@code COPY --from=0} refers to it by this
 * @param name the lower-cased name after {@code AS}, if any
 * @param from the FROM instruction that starts the stage
 * @param instructions the stage's instructions after FROM, in order
 * @param location from the FROM's first line to the last instruction's last line
 */
public record Stage(
    int index, Optional<String> name, From from, List<Instruction> instructions,
    SourceLocation location) {
  public Stage {
    instructions = List.copyOf(instructions);
  }

  /** The base image, stage name or {@code scratch} the stage starts from, unexpanded. */
  public String baseImage() {
    return from.image();
  }

  /** The FROM's {@code --platform}, unexpanded. */
  public Optional<String> platform() {
    return from.platform();
  }
}

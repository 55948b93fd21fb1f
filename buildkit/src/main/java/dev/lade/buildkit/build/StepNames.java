package dev.lade.buildkit.build;

import dev.lade.dockerfile.ast.Add;
import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Run;
import dev.lade.dockerfile.ast.Workdir;
import java.util.List;
import java.util.Optional;

/**
 * BuildKit's progress names for a stage's steps ({@code prefixCommand}): {@code [name k/n]
 * INSTRUCTION}, where n counts the image FROM and every ADD, COPY, RUN and WORKDIR of the stage,
 * plus every ONBUILD trigger its base brings (counted after the FROM is named, as BuildKit does),
 * and the name is left out when the build has one state only.
 */
final class StepNames {
  private final Optional<String> stage;
  private int total;
  private int index;

  StepNames(Optional<String> stage) {
    this.stage = stage;
  }

  /** Counts the steps of {@code instructions} that show in progress. */
  void count(List<? extends Instruction> instructions) {
    for (Instruction i : instructions) if (shows(i)) total++;
  }

  /** Counts the FROM of an image. */
  void countFrom() {
    total++;
  }

  /** Counts a base's ONBUILD triggers: all of them, whatever their instruction, as BuildKit. */
  void countTriggers(int triggers) {
    total += triggers;
  }

  /** The next step's name. */
  String next(String text, boolean onbuild) {
    index++;
    // Padded by hand: String.format's first use loads the locale data, tens of milliseconds.
    String number = Integer.toString(index);
    String counter = " ".repeat(Math.max(0, Integer.toString(Math.max(total, 1)).length() - number.length()))
        + number + "/" + total;
    return "[" + stage.map(n -> n + " ").orElse("") + counter + "] " + (onbuild ? "ONBUILD " : "") + text;
  }

  private static boolean shows(Instruction i) {
    return i instanceof Add || i instanceof Copy || i instanceof Run || i instanceof Workdir;
  }
}

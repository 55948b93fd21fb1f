package dev.lade.buildkit.fs.testing;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.ast.Instruction;
import java.nio.charset.StandardCharsets;

/** Parses one instruction as the real parser does; it sits on line 2, after {@code FROM scratch}. */
public final class Instructions {
  private Instructions() {}

  public static Instruction parse(String instruction) {
    Dockerfile file = Dockerfile.parse(("FROM scratch\n" + instruction + "\n").getBytes(StandardCharsets.UTF_8));
    return file.stages().get(0).instructions().get(0);
  }
}

package dev.lade.dockerfile.ast;

import java.util.List;

/**
 * {@code ARG NAME[=default] [NAME[=default]]...}: declares build arguments.
 *
 * @param declarations the names with their optional defaults, in order
 */
public record Arg(List<ArgDeclaration> declarations, SourceLocation location, String original)
    implements Instruction {
  public Arg {
    declarations = List.copyOf(declarations);
  }
}

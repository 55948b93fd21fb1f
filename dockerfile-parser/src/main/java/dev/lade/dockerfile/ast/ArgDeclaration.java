package dev.lade.dockerfile.ast;

import java.util.Optional;

/**
 * One {@code NAME[=default]} of an ARG instruction.
 *
 * @param name the variable name, as written
 * @param defaultValue the text after the first {@code =}, unexpanded; empty when there is no {@code =}
 */
public record ArgDeclaration(String name, Optional<String> defaultValue) {}

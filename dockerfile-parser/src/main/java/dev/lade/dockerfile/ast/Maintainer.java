package dev.lade.dockerfile.ast;

/** {@code MAINTAINER name} (deprecated in favour of a label). */
public record Maintainer(String name, SourceLocation location, String original) implements Instruction {}

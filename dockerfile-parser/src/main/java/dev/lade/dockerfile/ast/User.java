package dev.lade.dockerfile.ast;

/** {@code USER user[:group]}, unexpanded. */
public record User(String user, SourceLocation location, String original) implements Instruction {}

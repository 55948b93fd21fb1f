package dev.lade.dockerfile.ast;

/** {@code WORKDIR path}, unexpanded; a relative path is relative to the previous WORKDIR. */
public record Workdir(String path, SourceLocation location, String original) implements Instruction {}

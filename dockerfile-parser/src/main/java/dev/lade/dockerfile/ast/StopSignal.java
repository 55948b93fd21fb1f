package dev.lade.dockerfile.ast;

/** {@code STOPSIGNAL signal}, unexpanded (a name like {@code SIGTERM} or a number). */
public record StopSignal(String signal, SourceLocation location, String original) implements Instruction {}

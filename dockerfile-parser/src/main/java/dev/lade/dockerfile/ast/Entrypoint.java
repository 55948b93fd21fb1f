package dev.lade.dockerfile.ast;

/** {@code ENTRYPOINT COMMAND}: the image's entrypoint; {@code ENTRYPOINT []} clears it. */
public record Entrypoint(CommandLine command, SourceLocation location, String original)
    implements Instruction {}

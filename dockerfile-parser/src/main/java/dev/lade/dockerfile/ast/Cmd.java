package dev.lade.dockerfile.ast;

/** {@code CMD COMMAND}: the image's default command (or ENTRYPOINT's default arguments). */
public record Cmd(CommandLine command, SourceLocation location, String original)
    implements Instruction {}

package dev.lade.dockerfile.parser;

/**
 * A problem the parser notices but accepts, e.g. an empty continuation line.
 *
 * @param message what is wrong, e.g. {@code Empty continuation line found in: RUN a b}
 * @param startLine first line (1-based) of the instruction it concerns
 * @param endLine last line of that instruction
 */
public record ParseWarning(String message, int startLine, int endLine) {}

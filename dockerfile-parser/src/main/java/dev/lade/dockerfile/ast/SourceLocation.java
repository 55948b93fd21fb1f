package dev.lade.dockerfile.ast;

/**
 * Where an instruction or stage sits in the Dockerfile.
 *
 * @param startLine first physical line, 1-based
 * @param endLine last physical line, continuations and heredoc bodies included
 */
public record SourceLocation(int startLine, int endLine) {}

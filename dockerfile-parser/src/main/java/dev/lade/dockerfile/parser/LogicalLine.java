package dev.lade.dockerfile.parser;

/**
 * An instruction's text joined from its physical lines.
 *
 * @param text the joined line, continuation characters removed, indentation kept
 * @param endLine the last physical line consumed
 * @param hasEmptyContinuation whether a blank line was skipped inside the continuation
 */
record LogicalLine(String text, int endLine, boolean hasEmptyContinuation) {}

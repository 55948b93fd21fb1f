package dev.lade.dockerfile.ast;

/**
 * One {@code key=value} pair of ENV or LABEL, as written: quotes and escapes are still in the
 * text and are removed when the build expands it.
 */
public record KeyValue(String key, String value) {}

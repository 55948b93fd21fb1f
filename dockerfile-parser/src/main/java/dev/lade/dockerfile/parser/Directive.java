package dev.lade.dockerfile.parser;

/**
 * One parser directive from the top of a Dockerfile, e.g. {@code # syntax=docker/dockerfile:1}.
 *
 * @param name the directive name, lower-cased: {@code syntax}, {@code escape} or {@code check}
 * @param value the value as written, surrounding whitespace removed
 * @param line the 1-based line it is on
 */
public record Directive(String name, String value, int line) {}

package dev.lade.dockerfile.parser;

/**
 * A heredoc attached to an instruction, e.g. {@code <<-EOF} with its body.
 *
 * @param name the delimiter with quotes removed
 * @param content the body: the raw lines up to (not including) the terminator, newlines kept;
 *     leading tabs already stripped when {@link #chomp} is set
 * @param expand false when any part of the delimiter was quoted: the body is taken literally
 * @param chomp the {@code <<-} form, which strips leading tabs
 * @param fileDescriptor the digits before {@code <<} (e.g. 3 in {@code 3<<EOF}); 0 when absent
 */
public record Heredoc(String name, String content, boolean expand, boolean chomp, int fileDescriptor) {}

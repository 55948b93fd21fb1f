/**
 * The raw Dockerfile parser: a port of BuildKit's {@code frontend/dockerfile/parser} package.
 *
 * <p>{@link dev.lade.dockerfile.parser.Parser} turns bytes into a tree of
 * {@link dev.lade.dockerfile.parser.Node}s; {@link dev.lade.dockerfile.parser.Dump} prints the tree
 * as BuildKit's parser tests do. Behaviour follows BuildKit's source, including its quirks. The
 * deliberate differences, each where BuildKit's behaviour is an evident accident:
 *
 * <ul>
 *   <li>Flags and the HEALTHCHECK type word are scanned per character, not per byte, so non-ASCII
 *       flag values are not re-encoded as Latin-1 (see {@link dev.lade.dockerfile.parser.FlagExtractor}).
 *   <li>A line over 65535 bytes fails at once; BuildKit stops reading there and may first report
 *       another error (such as "file with no instructions").
 *   <li>A directive error is reported on the directive's own line; BuildKit names the line before.
 *   <li>ONBUILD's nested instruction carries its parent's line numbers; BuildKit leaves 0.
 *   <li>Heredoc bodies of {@code <<-} are returned with their leading tabs already removed, which
 *       BuildKit does later, when it uses them.
 * </ul>
 *
 * <p>Bytes that are not valid UTF-8 are kept (see {@link dev.lade.dockerfile.text.RawText}); where
 * Go turns them into U+FFFD (word splitting, JSON, lower-casing, heredoc names) so does this parser.
 */
package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.RawText;
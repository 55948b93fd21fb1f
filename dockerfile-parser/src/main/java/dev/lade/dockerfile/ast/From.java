package dev.lade.dockerfile.ast;

import java.util.Optional;

/**
 * {@code FROM [--platform=P] IMAGE [AS NAME]}: starts a build stage.
 *
 * @param image the base: an image reference, a stage name, or {@code scratch}; unexpanded
 * @param stageName the name after {@code AS}, lower-cased as BuildKit does
 * @param platform the {@code --platform} value, unexpanded
 */
public record From(
    String image, Optional<String> stageName, Optional<String> platform,
    SourceLocation location, String original) implements Instruction {}

package dev.lade.dockerfile.ast;

/**
 * {@code ONBUILD INSTRUCTION}: a trigger run when the image is used as a base.
 *
 * @param trigger the nested instruction, parsed and checked like any other
 * @param expression the trigger as BuildKit stores it in the image config: the line without
 *     {@code ONBUILD}, followed by any heredoc bodies
 */
public record Onbuild(Instruction trigger, String expression, SourceLocation location, String original)
    implements Instruction {}

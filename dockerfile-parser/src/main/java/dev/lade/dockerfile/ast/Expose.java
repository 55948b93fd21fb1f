package dev.lade.dockerfile.ast;

import java.util.List;

/**
 * {@code EXPOSE port[/proto]...}.
 *
 * @param ports the ports as written, unexpanded, sorted as BuildKit sorts them
 */
public record Expose(List<String> ports, SourceLocation location, String original) implements Instruction {
  public Expose {
    ports = List.copyOf(ports);
  }
}

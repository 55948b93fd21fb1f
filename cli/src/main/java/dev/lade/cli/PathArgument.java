package dev.lade.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A path argument, converted as picocli's built-in converter does ({@code Paths.get}, the same message when it fails)
 * but called directly: picocli's calls {@code Paths.get} through reflection, whose first use spins method handle
 * classes that no start-up cache holds.
 */
final class PathArgument implements ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("cannot convert '" + value + "' to " + Path.class + " (" + e + ")");
    }
  }
}

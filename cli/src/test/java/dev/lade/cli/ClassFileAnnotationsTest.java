package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.cli.ClassFileAnnotations.Annotation;
import dev.lade.cli.ClassFileAnnotations.ClassLiteral;
import dev.lade.cli.ClassFileAnnotations.EnumConstant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The annotations read from class files are the ones reflection sees. */
class ClassFileAnnotationsTest {
  @Command(name = "sample", description = {"Plain ASCII.", "Non-ASCII: caf\u00e9 \u2013 \u20ac, NUL \u0000, emoji \ud83d\udc33."})
  static final class Sample {
    @Option(names = {"-n", "--number"}, arity = "1", scope = ScopeType.INHERIT, converter = PathArgument.class)
    long number = 7;

    @Deprecated String unannotatedForPicocli;

    String plain;
  }

  @Test
  void readsTheTypesAnnotationWithEveryStringAsReflectionDecodesIt() throws Exception {
    ClassFileAnnotations read = ClassFileAnnotations.of(Sample.class);
    Command command = Sample.class.getAnnotation(Command.class);
    assertEquals(List.of(new Annotation("picocli.CommandLine$Command", Map.of("name", command.name(),
        "description", List.of(command.description())))), read.type());
  }

  @Test
  void readsFieldAnnotationsInDeclarationOrder() throws Exception {
    ClassFileAnnotations read = ClassFileAnnotations.of(Sample.class);
    assertEquals(List.of("number", "unannotatedForPicocli", "plain"), List.copyOf(read.fields().keySet()));
    assertEquals(List.of(new Annotation("picocli.CommandLine$Option", Map.of(
        "names", List.of("-n", "--number"), "arity", "1",
        "scope", new EnumConstant("picocli.CommandLine$ScopeType", "INHERIT"),
        "converter", List.of(new ClassLiteral(PathArgument.class.getName()))))), read.fields().get("number"));
    assertEquals(List.of(new Annotation("java.lang.Deprecated", Map.of())), read.fields().get("unannotatedForPicocli"));
    assertEquals(List.of(), read.fields().get("plain"));
  }

  @Test
  void readsClassesFromTheJarsOnTheClassPath() throws Exception {
    // picocli's help command comes from its jar, where lade's commands come from in a build
    Annotation help = ClassFileAnnotations.of(picocli.CommandLine.HelpCommand.class).type().get(0);
    assertEquals("picocli.CommandLine$Command", help.typeName());
    assertEquals(picocli.CommandLine.HelpCommand.class.getAnnotation(Command.class).name(), help.values().get("name"));
  }
}

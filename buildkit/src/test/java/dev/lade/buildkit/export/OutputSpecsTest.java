package dev.lade.buildkit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputSpecsTest {

  @Test
  void buildxSpecs() {
    assertEquals(new OutputSpec.Oci(Path.of("out.tar"), true, List.of("app")),
        OutputSpecs.parse("type=oci,dest=out.tar", List.of("app")));
    assertEquals(new OutputSpec.Oci(Path.of("dir"), false, List.of()), OutputSpecs.parse("type=oci,dest=dir,tar=false", List.of()));
    assertEquals(new OutputSpec.Docker(Path.of("f.tar"), List.of()), OutputSpecs.parse("type=docker,dest=f.tar", List.of()));
    assertEquals(new OutputSpec.Local(Path.of("out")), OutputSpecs.parse("type=local,dest=out", List.of()));
    assertEquals(new OutputSpec.Local(Path.of("out")), OutputSpecs.parse("out", List.of()));
    assertEquals(new OutputSpec.Image(List.of("r/a:1", "r/b:2"), true),
        OutputSpecs.parse("type=image,name=r/a:1,r/b:2,push=true", List.of()));
    assertEquals(new OutputSpec.Image(List.of("x"), true), OutputSpecs.parse("type=registry", List.of("x")));
  }

  @Test
  void noSpecMeansTheStoreAndPushAddsAPush() {
    assertEquals(List.of(new OutputSpec.Image(List.of("t"), false)), OutputSpecs.parseAll(List.of(), List.of("t"), false));
    assertEquals(List.of(new OutputSpec.Image(List.of("t"), true)), OutputSpecs.parseAll(List.of(), List.of("t"), true));
    var e = assertThrows(IllegalArgumentException.class, () -> OutputSpecs.parseAll(List.of(), List.of(), true));
    assertEquals("--push: tag is needed when pushing to registry", e.getMessage());
  }

  @Test
  void invalidSpecsAreRefusedInOneLine() {
    for (String bad : List.of("type=oci", "type=nope,dest=x", "dest=x", "type=oci,dest=x,tar=maybe", "type=oci,bogus=1,dest=x",
        "type=local,dest=a,dest=b", "type=image,push=true", "type=registry")) {
      var e = assertThrows(InvalidOutputSpecException.class, () -> OutputSpecs.parse(bad, List.of()), bad);
      assertEquals(1, e.getMessage().lines().count());
      assertEquals(true, e.getMessage().startsWith("invalid output spec \"" + bad + "\": "), e.getMessage());
    }
  }
}

package dev.lade.dockerfile.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.dockerfile.value.Chown.Owner.ById;
import dev.lade.dockerfile.value.Chown.Owner.ByName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --chown} as BuildKit's {@code llb.WithUser} splits and classifies it. */
class ChownTest {
  @Test
  void userOnly() {
    assertEquals(new Chown(new ById(1000), Optional.empty()), Chown.parse("1000"));
    assertEquals(new Chown(new ByName("app"), Optional.empty()), Chown.parse("app"));
    assertEquals(new Chown(new ById(0), Optional.empty()), Chown.parse("root"));
  }

  @Test
  void userAndGroup() {
    assertEquals(new Chown(new ByName("55"), Optional.of(new ByName("mygroup"))).user(), new ByName("55"));
    assertEquals(new Chown(new ById(55), Optional.of(new ByName("mygroup"))), Chown.parse("55:mygroup"));
    assertEquals(new Chown(new ByName("bin"), Optional.of(new ById(0))), Chown.parse("bin:root"));
    assertEquals(new Chown(new ById(10), Optional.of(new ById(11))), Chown.parse("10:11"));
  }

  @Test
  void emptyPartsAreIdZeroAsBuildKitMarshalsThem() {
    assertEquals(new Chown(new ById(0), Optional.of(new ByName("staff"))), Chown.parse(":staff"));
    assertEquals(new Chown(new ById(1000), Optional.of(new ById(0))), Chown.parse("1000:"));
  }

  @Test
  void onlyTheFirstColonSplits() {
    assertEquals(new Chown(new ByName("a"), Optional.of(new ByName("b:c"))), Chown.parse("a:b:c"));
  }

  @Test
  void numbersFollowGoParseInt32() {
    assertEquals(new ById(5), Chown.parse("+5").user());
    assertEquals(new ById(-1), Chown.parse("-1").user());
    assertEquals(new ByName("4294967296"), Chown.parse("4294967296").user());
    assertEquals(new ByName("1e3"), Chown.parse("1e3").user());
  }

  @Test
  void printsBack() {
    assertEquals("55:mygroup", Chown.parse("55:mygroup").toString());
    assertEquals("app", Chown.parse("app").toString());
    assertEquals("0:staff", Chown.parse(":staff").toString());
  }

  @Test
  void emptyValueIsRejected() {
    assertEquals("invalid chown: empty value", assertThrows(InvalidValueException.class, () -> Chown.parse("")).getMessage());
  }
}

package dev.lade.dockerfile.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code TestApply} of tonistiigi/dchapes-mode (umask 0, as BuildKit uses it) and BuildKit's octal rules. */
class ChmodTest {
  private static final int DIR = 040000;

  /** Old mode, new mode (octal; a leading {@code d} marks a directory), mode string. */
  @ParameterizedTest(name = "{2}: {0} -> {1}")
  @CsvSource(delimiter = ' ', value = {
      "0777 0000 =", "0777 0777 +", "0421 0421 +", "0777 0777 -", "0421 0421 -", "0421 01421 +t", "01421 0421 -t",
      "0 0400 u+r", "0 0200 u+w", "0 0100 u+x", "0 0 u+X", "0001 0101 u+X", "d0 d0100 u+X", "0 04000 u+s",
      "0 040 g+r", "0 020 g+w", "0 010 g+x", "0 0 g+X", "0100 0110 g+X", "d0 d010 g+X", "0 02000 g+s",
      "0 04 o+r", "0 02 o+w", "0 01 o+x", "0 0 o+X", "0100 0101 o+X", "d0 d01 o+X", "0 0 o+s",
      "0 0421 0421",
      "0 0444 +r", "0 0222 +w", "0 0111 +x", "0 0 +X", "0010 0111 +X", "d0 d0111 +X", "0 06000 +s",
      "0777 0333 -r", "0777 0555 -w", "0777 0666 -x", "0777 0777 -X", "d0777 d0777 -X", "06777 0777 -s",
      "0777 0377 u-r", "0777 0577 u-w", "0777 0677 u-x", "0777 0777 u-X", "d0777 d0777 u-X", "04777 0777 u-s",
      "0 0600 u=rw", "0777 0677 u=rw", "0777 0077 u=", "0 0666 =rw", "0777 0666 =rw",
      "0042 0442 u=g", "0742 0442 u=g", "0722 0022 u=g-w", "0742 0442 u=g-w", "0762 0462 u=g-w", "0772 0572 u=g-w",
      "0021 0121 u+o", "0021 0221 u+g", "0021 0321 u+go",
      "0 0764 a=r,ug=rw,u+x", "0777 0764 a=r,ug=rw,u+x",
      "0 01624 o+r,g+w,a+t,g-s,u+og", "02100 01724 o+r,g+w,a+t,g-s,u+og", "d06000 d05624 o+r,g+w,a+t,g-s,u+og",
      // chmod(1)'s examples
      "0777 0644 644", "0777 0755 go-w", "0 0755 u=rwx,go=rx", "0 0755 u=rwx,go=u-w", "0777 0700 go=",
      "0770 0755 go=u-w", "0670 0644 go=u-w", "0570 0555 go=u-w", "0370 0311 go=u-w",
  })
  void appliesLikeBuildKit(String from, String to, String mode) {
    boolean dir = from.startsWith("d");
    int old = Integer.parseInt(from.replace("d", ""), 8) | (dir ? DIR : 0);
    int expected = Integer.parseInt(to.replace("d", ""), 8) | (dir ? DIR : 0);
    assertEquals(expected, Chmod.parse(mode).apply(old, dir));
  }

  @Test
  void octalAndSymbolicForms() {
    assertEquals(new Chmod.Octal(0755), Chmod.parse("755"));
    assertEquals(new Chmod.Octal(0644), Chmod.parse("0644"));
    Chmod.Symbolic s = assertInstanceOf(Chmod.Symbolic.class, Chmod.parse("u=rwx,go=u-w"));
    assertEquals(List.of(
        new Chmod.Clause("u", List.of(new Chmod.Action('=', "rwx"))),
        new Chmod.Clause("go", List.of(new Chmod.Action('=', "u"), new Chmod.Action('-', "w")))), s.clauses());
    assertEquals("u=rwx,go=u-w", s.toString());
    assertEquals("0755", Chmod.parse("755").toString());
  }

  @Test
  void symbolicBuiltFromClausesIsValidated() {
    Chmod.Symbolic s = new Chmod.Symbolic(List.of(new Chmod.Clause("a", List.of(new Chmod.Action('+', "x")))));
    assertEquals(0755, s.apply(0644, false));
    assertThrows(InvalidValueException.class,
        () -> new Chmod.Symbolic(List.of(new Chmod.Clause("u", List.of(new Chmod.Action('+', "q"))))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"017777", "9", "8", "0o755", "75a", "10000"})
  void numericLookingValuesGetBuildKitsOctalMessage(String text) {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Chmod.parse(text));
    assertEquals("invalid chmod parameter: '" + text + "'. it should be octal string and between 0 and 07777",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",", "q+r", "z", "u", "g", "o", "go", "u+x,", "u+q", "+x,,g-w", "a=r ,u+x"})
  void badSymbolicModes(String text) {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Chmod.parse(text));
    assertEquals("invalid chmod parameter: '" + text + "': invalid syntax", e.getMessage());
  }

  /** An octal mode sets the permission bits only, as fsutil's copier applies it ({@code mode & 0777}). */
  @ParameterizedTest(name = "{2}: {0} -> {1}")
  @CsvSource(delimiter = ' ', value = {"0644 0755 4755", "04755 04640 640", "02710 02640 0640", "01777 01750 750",
      "0 0421 07421", "06777 06000 0"})
  void octalKeepsTheFilesSpecialBits(String from, String to, String mode) {
    assertEquals(Integer.parseInt(to, 8), Chmod.parse(mode).apply(Integer.parseInt(from, 8), false));
  }

  @Test
  void fileTypeBitsAreKept() {
    int regular = 0100644;
    assertEquals(0100755, Chmod.parse("+x").apply(regular, false));
    assertEquals(0100600, Chmod.parse("600").apply(regular, false));
  }
}

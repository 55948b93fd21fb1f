package dev.lade.dockerfile.ast;

import static dev.lade.dockerfile.ast.AstTesting.instruction;
import static dev.lade.dockerfile.ast.AstTesting.parse;
import static dev.lade.dockerfile.ast.AstTesting.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ADD and COPY, with the flags of the Dockerfile reference. */
class FileInstructionsTest {
  @Test
  void copyWithoutFlags() {
    Copy copy = (Copy) instruction("COPY hom* /mydir/");
    assertEquals(List.of("hom*"), copy.sources());
    assertEquals("/mydir/", copy.destination());
    assertEquals(Optional.empty(), copy.from());
    assertFalse(copy.link());
    assertFalse(copy.parents());
    assertEquals(List.of(), copy.excludes());
  }

  @Test
  void copyFlags() {
    Copy copy = (Copy) instruction("COPY --from=build --chown=55:mygroup --chmod=644 --link "
        + "--parents --exclude=*.txt --exclude=*.md files* ./x/a.txt /somedir/");
    assertEquals(Optional.of("build"), copy.from());
    assertEquals(Optional.of("55:mygroup"), copy.chown());
    assertEquals(Optional.of("644"), copy.chmod());
    assertTrue(copy.link());
    assertTrue(copy.parents());
    assertEquals(List.of("*.txt", "*.md"), copy.excludes());
    assertEquals(List.of("files*", "./x/a.txt"), copy.sources());
    assertFalse(((Copy) instruction("COPY --link=false a b")).link());
  }

  @Test
  void copyJsonForm() {
    Copy copy = (Copy) instruction("COPY [\"test file\", \"/absoluteDir/\"]");
    assertEquals(List.of("test file"), copy.sources());
    assertEquals("/absoluteDir/", copy.destination());
  }

  @Test
  void addFlags() {
    Add add = (Add) instruction("ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
        + "https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /");
    assertEquals(Optional.of("sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d"), add.checksum());
    assertEquals(Optional.empty(), add.unpack());
    Add git = (Add) instruction("ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.10.1 /buildkit");
    assertTrue(git.keepGitDir());
    assertEquals(List.of("https://github.com/moby/buildkit.git#v0.10.1"), git.sources());
    Add unpack = (Add) instruction("ADD --unpack=false --chown=myuser:mygroup --chmod=755 --link --exclude=*.txt archive.tar.gz /dest/");
    assertEquals(Optional.of(false), unpack.unpack());
    assertEquals(Optional.of("myuser:mygroup"), unpack.chown());
    assertEquals(Optional.of("755"), unpack.chmod());
    assertTrue(unpack.link());
    assertEquals(List.of("*.txt"), unpack.excludes());
    assertEquals(Optional.of(true), ((Add) instruction("ADD --unpack https://example.com/archive.tar.gz /dest/")).unpack());
  }

  @Test
  void heredocSourcesBecomeInlineFiles() {
    Copy copy = (Copy) parse("FROM alpine\nCOPY <<EOF <<'RAW' app.conf /etc/\nhello $USER\nEOF\nno $EXPANSION\nRAW\n")
        .stages().get(0).instructions().get(0);
    assertEquals(List.of(new InlineFile("EOF", "hello $USER\n", true), new InlineFile("RAW", "no $EXPANSION\n", false)),
        copy.inlineSources());
    assertEquals(List.of("app.conf"), copy.sources());
    assertEquals("/etc/", copy.destination());
  }

  @Test
  void errors() {
    rejects("COPY onlyone", "COPY requires at least two arguments, but only one was provided. Destination could not be determined");
    rejects("ADD onlyone", "ADD requires at least two arguments, but only one was provided. Destination could not be determined");
    assertEquals(6, rejects("COPY --chmodd=644 a b", "unknown flag: --chmodd (did you mean chmod?)").column());
    rejects("ADD --from=build a b", "unknown flag: --from");
    rejects("COPY --keep-git-dir a b", "unknown flag: --keep-git-dir");
    rejects("COPY --from=a --from=b x y", "duplicate flag specified: --from");
    rejects("COPY --link=maybe a b", "expecting boolean value for flag --link, not: maybe");
    rejects("COPY --from a b", "missing a value on flag: --from");
    rejects("COPY a <<EOF\nx\nEOF", "COPY cannot accept a heredoc as a destination");
  }
}

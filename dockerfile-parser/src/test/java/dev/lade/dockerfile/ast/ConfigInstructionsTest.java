package dev.lade.dockerfile.ast;

import static dev.lade.dockerfile.ast.AstTesting.instruction;
import static dev.lade.dockerfile.ast.AstTesting.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ENV, LABEL, ARG, EXPOSE, VOLUME, USER, WORKDIR, STOPSIGNAL, MAINTAINER. */
class ConfigInstructionsTest {
  @Test
  void envPairsKeepOrderAndRawValues() {
    Env env = (Env) instruction("ENV MY_NAME=\"John Doe\" MY_DOG=Rex\\ The\\ Dog MY_CAT=fluffy");
    assertEquals(List.of(new KeyValue("MY_NAME", "\"John Doe\""), new KeyValue("MY_DOG", "Rex\\ The\\ Dog"),
        new KeyValue("MY_CAT", "fluffy")), env.variables());
    assertFalse(env.legacyForm());
  }

  @Test
  void envLegacyForm() {
    Env env = (Env) instruction("ENV MY_VAR my-value with spaces");
    assertEquals(List.of(new KeyValue("MY_VAR", "my-value with spaces")), env.variables());
    assertTrue(env.legacyForm());
  }

  @Test
  void labels() {
    Label label = (Label) instruction("LABEL \"com.example.vendor\"=\"ACME Incorporated\" version=\"1.0\" "
        + "description=\"This text illustrates \\\nthat label-values can span multiple lines.\"");
    assertEquals(3, label.labels().size());
    assertEquals(new KeyValue("\"com.example.vendor\"", "\"ACME Incorporated\""), label.labels().get(0));
    assertEquals(new KeyValue("version", "\"1.0\""), label.labels().get(1));
    assertTrue(((Label) instruction("LABEL maintainer foo@bar.com")).legacyForm());
  }

  @Test
  void argDeclaresSeveralNamesWithOptionalDefaults() {
    Arg arg = (Arg) instruction("ARG user1=someuser buildno=1 CONT_IMG_VER empty=");
    assertEquals(List.of(new ArgDeclaration("user1", Optional.of("someuser")),
        new ArgDeclaration("buildno", Optional.of("1")),
        new ArgDeclaration("CONT_IMG_VER", Optional.empty()),
        new ArgDeclaration("empty", Optional.of(""))), arg.declarations());
  }

  @Test
  void exposeSortsPortsAsBuildKit() {
    assertEquals(List.of("443", "80/tcp", "80/udp"), ((Expose) instruction("EXPOSE 80/udp 443 80/tcp")).ports());
  }

  @Test
  void volumeInBothForms() {
    assertEquals(List.of("/data"), ((Volume) instruction("VOLUME [\"/data\"]")).paths());
    assertEquals(List.of("/myvol", "/var/log"), ((Volume) instruction("VOLUME /myvol /var/log")).paths());
  }

  @Test
  void singleValueInstructions() {
    assertEquals("patrick", ((User) instruction("USER patrick")).user());
    assertEquals("1000:1000", ((User) instruction("USER 1000:1000")).user());
    assertEquals("/path/$DIRNAME", ((Workdir) instruction("WORKDIR /path/$DIRNAME")).path());
    assertEquals("SIGKILL", ((StopSignal) instruction("STOPSIGNAL SIGKILL")).signal());
    assertEquals("Jane Doe <jane@example.com>",
        ((Maintainer) instruction("MAINTAINER Jane Doe <jane@example.com>")).name());
  }

  @Test
  void stopSignalAndArgIgnoreFlagsAsBuildKitDoes() {
    assertEquals("9", ((StopSignal) instruction("STOPSIGNAL --x=1 9")).signal());
    assertEquals("A", ((Arg) instruction("ARG --required A")).declarations().get(0).name());
  }

  @Test
  void errors() {
    rejects("ENV", "ENV requires at least one argument");
    rejects("LABEL", "LABEL requires at least one argument");
    rejects("ENV =x", "ENV names can not be blank");
    rejects("ENV --x=1 A=b", "unknown flag: --x");
    rejects("ARG", "ARG requires at least one argument");
    rejects("ARG =x", "ARG names can not be blank");
    rejects("EXPOSE", "EXPOSE requires at least one argument");
    rejects("VOLUME", "VOLUME requires at least one argument");
    rejects("VOLUME [\"/data\", \" \"]", "VOLUME specified can not be an empty string");
    rejects("USER", "USER requires exactly one argument");
    rejects("WORKDIR", "WORKDIR requires exactly one argument");
    rejects("STOPSIGNAL", "STOPSIGNAL requires exactly one argument");
    rejects("MAINTAINER", "MAINTAINER requires exactly one argument");
    rejects("USER --chown=1 me", "unknown flag: --chown");
  }
}

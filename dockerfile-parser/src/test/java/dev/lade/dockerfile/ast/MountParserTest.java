package dev.lade.dockerfile.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code RUN --mount} values, most taken from the Dockerfile reference. */
class MountParserTest {
  private static Mount mount(String value) {
    return MountParser.parse(value, 0);
  }

  private static String error(String value) {
    return assertThrows(InvalidInstructionException.class, () -> mount(value)).getMessage();
  }

  @Test
  void bindIsTheDefaultTypeAndReadOnly() {
    assertEquals(new Mount.Bind("/tmp/requirements.txt", "requirements.txt", Optional.empty(), true),
        mount("source=requirements.txt,target=/tmp/requirements.txt"));
    assertEquals(new Mount.Bind("/src", "/go/src", Optional.of("build"), false),
        mount("type=bind,from=build,src=/go/src,dst=/src,rw"));
  }

  @Test
  void cacheDefaultsIdToTheCleanTargetAndIsWritableAndShared() {
    assertEquals(new Mount.Cache("/root/.cache/go-build", "/root/.cache/go-build",
            Mount.Sharing.SHARED, Optional.empty(), "", false, 0755, 0, 0),
        mount("type=cache,target=/root/.cache/go-build"));
    assertEquals(new Mount.Cache("/var/cache/apt/", "/var/cache/apt", Mount.Sharing.LOCKED,
            Optional.empty(), "", false, 0755, 0, 0),
        mount("type=cache,target=/var/cache/apt/,sharing=locked"));
    assertEquals(new Mount.Cache("/home/app/.npm", "npm", Mount.Sharing.PRIVATE,
            Optional.empty(), "", true, 0700, 1000, 1000),
        mount("type=cache,id=npm,target=/home/app/.npm,sharing=PRIVATE,uid=1000,gid=1000,mode=0700,ro"));
  }

  @Test
  void tmpfsHasASizeLimit() {
    assertEquals(new Mount.Tmpfs("/tmp", 0, false), mount("type=tmpfs,target=/tmp"));
    assertEquals(new Mount.Tmpfs("/tmp", 64L << 20, false), mount("type=tmpfs,target=/tmp,size=64m"));
    assertEquals(new Mount.Tmpfs("/tmp", 1536L << 20, false), mount("type=tmpfs,target=/tmp,size=1.5GB"));
  }

  @Test
  void secretDefaultsTargetUnderRunSecrets() {
    assertEquals(new Mount.Secret("aws", Optional.of("/root/.aws/credentials"), Optional.empty(),
            false, 0400, 0, 0),
        mount("type=secret,id=aws,target=/root/.aws/credentials"));
    assertEquals(new Mount.Secret("mytoken", Optional.of("/run/secrets/mytoken"), Optional.empty(),
            true, 0400, 0, 0),
        mount("type=secret,id=mytoken,required"));
    assertEquals(new Mount.Secret("credentials", Optional.of("/root/.aws/credentials"),
            Optional.empty(), false, 0400, 0, 0),
        mount("type=secret,target=/root/.aws/credentials"));
  }

  @Test
  void secretAsEnvironmentVariableHasNoFileUnlessATargetIsGiven() {
    assertEquals(new Mount.Secret("API_KEY", Optional.empty(), Optional.of("API_KEY"), false, 0400, 0, 0),
        mount("type=secret,id=API_KEY,env=API_KEY"));
    assertEquals(new Mount.Secret("k", Optional.of("/k"), Optional.of("K"), false, 0440, 0, 33),
        mount("type=secret,src=k,env=K,target=/k,mode=0440,gid=33"));
  }

  @Test
  void sshDefaultsIdAndNumbersItsSocket() {
    assertEquals(new Mount.Ssh("default", "/run/buildkit/ssh_agent.0", false, 0600, 0, 0),
        mount("type=ssh"));
    assertEquals(new Mount.Ssh("github", "/run/buildkit/ssh_agent.2", true, 0600, 0, 0),
        MountParser.parse("type=ssh,id=github,required=true", 2));
  }

  @Test
  void keysAndTypeValuesAreCaseInsensitive() {
    assertEquals(new Mount.Tmpfs("/t", 0, true), mount("TYPE=TMPFS,Target=/t,RO=true"));
  }

  @Test
  void fieldsAreCsv() {
    assertEquals(new Mount.Bind("/a,b", "x\"y", Optional.empty(), true),
        mount("\"target=/a,b\",\"source=x\"\"y\""));
    assertEquals(List.of("a", ""), MountCsv.fields("a,"));
    assertEquals(List.of("a", ""), MountCsv.fields("\"a\","));
  }

  @Test
  void csvErrorsAreGos() {
    assertEquals("failed to parse csv mounts: parse error on line 1, column 18: bare \" in non-quoted-field",
        error("type=bind,target=\"/x\""));
    assertEquals("failed to parse csv mounts: parse error on line 1, column 3: extraneous or missing \" in quoted-field",
        error("\"a\"b"));
    assertEquals("failed to parse csv mounts: EOF", error(""));
  }

  @Test
  void unknownValuesSuggestTheClosest() {
    assertEquals("unsupported mount type \"cahce\" (did you mean cache?)", error("type=cahce,target=/x"));
    assertEquals("unsupported mount type \"volume\"", error("type=volume"));
    assertEquals("unsupported sharing value \"lock\" (did you mean locked?)",
        error("type=cache,target=/x,sharing=lock"));
    assertEquals("unexpected key 'taget' in 'taget=/x' (did you mean target?)", error("taget=/x"));
  }

  @Test
  void keysNeedTheRightTypeWrittenBeforeThem() {
    assertEquals("unexpected key 'required' for mount type 'bind'", error("required,type=secret,id=a"));
    assertEquals("unexpected key 'size' for mount type 'bind'", error("target=/x,size=10m"));
    assertEquals("mode not allowed for \"bind\" type mounts", error("target=/x,mode=0600"));
    assertEquals("uid not allowed for \"tmpfs\" type mounts", error("type=tmpfs,target=/x,uid=1"));
    assertEquals("gid not allowed for \"bind\" type mounts", error("target=/x,gid=1"));
    assertEquals("invalid cache sharing set for bind mount", error("target=/x,sharing=locked"));
  }

  @Test
  void badValuesAreRejected() {
    assertEquals("invalid value for ro: maybe", error("target=/x,ro=maybe"));
    assertEquals("invalid value for rw: 2", error("target=/x,rw=2"));
    assertEquals("invalid value 999 for mode", error("type=cache,target=/x,mode=999"));
    assertEquals("invalid value -1 for uid", error("type=cache,target=/x,uid=-1"));
    assertEquals("invalid value for size: lots", error("type=tmpfs,target=/x,size=lots"));
    assertEquals("invalid field 'readonlyy' must be a key=value pair", error("target=/x,readonlyy"));
    assertEquals("invalid mount target \"/\"", error("type=cache,target=/"));
  }

  @Test
  void secretAndSshRules() {
    assertEquals("secret mount should not have a from", error("type=secret,id=a,from=build"));
    assertEquals("secret mount should not define sharing", error("type=secret,id=a,sharing=shared"));
    assertEquals("invalid secret mount. one of source, target required", error("type=secret"));
    assertEquals("both source and id can't be set", error("type=secret,id=a,source=b"));
    assertEquals("ssh does not support source", error("type=ssh,source=/key"));
  }

  @Test
  void fromCannotUseVariables() {
    assertEquals("'from' doesn't support variable expansion, define alias stage instead",
        error("type=bind,from=$STAGE,target=/x"));
    assertEquals(new Mount.Bind("/x", "", Optional.of("a$"), true), mount("from=a$,target=/x"));
  }
}

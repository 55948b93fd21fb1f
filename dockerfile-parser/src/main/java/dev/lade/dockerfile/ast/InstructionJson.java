package dev.lade.dockerfile.ast;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lade.dockerfile.parser.Heredoc;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One instruction as JSON (see {@link AstJson}). After {@code kind}, {@code location},
 * {@code original} and {@code flags}, each kind has these fields:
 *
 * <ul>
 *   <li>FROM: flags {@code platform}; {@code image}, {@code stageName}
 *   <li>RUN: flags {@code mount} (see {@link MountJson}), {@code network}, {@code security};
 *       {@code command}, {@code heredocs} ({@code name, content, expand, chomp, fileDescriptor})
 *   <li>CMD, ENTRYPOINT: {@code command}
 *   <li>ENV: {@code variables}; LABEL: {@code labels} (both {@code [{key, value}]}), {@code legacyForm}
 *   <li>ADD: flags {@code exclude, chown, chmod, link, keep-git-dir, checksum, unpack};
 *       COPY: flags {@code from, chown, chmod, link, parents, exclude}; both: {@code sources},
 *       {@code inlineSources} ({@code [{path, content, expand}]}), {@code destination}
 *   <li>ARG: {@code args} ({@code [{name, default}]}); EXPOSE: {@code ports}; VOLUME: {@code paths};
 *       SHELL: {@code shell}; USER: {@code user}; WORKDIR: {@code path}; MAINTAINER: {@code name};
 *       STOPSIGNAL: {@code signal}
 *   <li>HEALTHCHECK: flags {@code interval, timeout, start-period, start-interval, retries};
 *       {@code none}, {@code test} (a command, or null for NONE)
 *   <li>ONBUILD: {@code trigger} (an instruction), {@code expression}
 * </ul>
 */
final class InstructionJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private InstructionJson() {}

  static ObjectNode of(Instruction instruction) {
    ObjectNode o = NODES.objectNode();
    o.put("kind", instruction.keyword());
    o.set("location", location(instruction.location()));
    o.put("original", instruction.original());
    ObjectNode flags = o.putObject("flags");
    switch (instruction) {
      case From f -> {
        flags.put("platform", f.platform().orElse(null));
        o.put("image", f.image()).put("stageName", f.stageName().orElse(null));
      }
      case Run r -> run(r, flags, o);
      case Cmd c -> o.set("command", command(c.command()));
      case Entrypoint e -> o.set("command", command(e.command()));
      case Env e -> pairs(o, "variables", e.variables()).put("legacyForm", e.legacyForm());
      case Label l -> pairs(o, "labels", l.labels()).put("legacyForm", l.legacyForm());
      case Add a -> add(a, flags, o);
      case Copy c -> copy(c, flags, o);
      case Arg a -> args(o.putArray("args"), a.declarations());
      case Expose e -> strings(o.putArray("ports"), e.ports());
      case Volume v -> strings(o.putArray("paths"), v.paths());
      case Shell s -> strings(o.putArray("shell"), s.shell());
      case User u -> o.put("user", u.user());
      case Workdir w -> o.put("path", w.path());
      case Maintainer m -> o.put("name", m.name());
      case StopSignal s -> o.put("signal", s.signal());
      case Healthcheck h -> healthcheck(h, flags, o);
      case Onbuild b -> o.<ObjectNode>set("trigger", of(b.trigger())).put("expression", b.expression());
    }
    return o;
  }

  static ObjectNode location(SourceLocation l) {
    return NODES.objectNode().put("startLine", l.startLine()).put("endLine", l.endLine());
  }

  static ObjectNode command(CommandLine command) {
    ObjectNode o = NODES.objectNode();
    switch (command) {
      case CommandLine.ShellForm s -> o.put("form", "shell").put("script", s.script());
      case CommandLine.ExecForm e -> strings(o.put("form", "exec").putArray("args"), e.args());
    }
    return o;
  }

  private static void run(Run r, ObjectNode flags, ObjectNode o) {
    ArrayNode mounts = flags.putArray("mount");
    r.mounts().forEach(m -> mounts.add(MountJson.of(m)));
    flags.put("network", r.network().value()).put("security", r.security().value());
    o.set("command", command(r.command()));
    ArrayNode heredocs = o.putArray("heredocs");
    for (Heredoc h : r.heredocs()) {
      heredocs.addObject().put("name", h.name()).put("content", h.content())
          .put("expand", h.expand()).put("chomp", h.chomp()).put("fileDescriptor", h.fileDescriptor());
    }
  }

  private static void add(Add a, ObjectNode flags, ObjectNode o) {
    strings(flags.putArray("exclude"), a.excludes());
    flags.put("chown", a.chown().orElse(null)).put("chmod", a.chmod().orElse(null))
        .put("link", a.link()).put("keep-git-dir", a.keepGitDir())
        .put("checksum", a.checksum().orElse(null)).put("unpack", a.unpack().orElse(null));
    sources(o, a.sources(), a.inlineSources(), a.destination());
  }

  private static void copy(Copy c, ObjectNode flags, ObjectNode o) {
    flags.put("from", c.from().orElse(null)).put("chown", c.chown().orElse(null))
        .put("chmod", c.chmod().orElse(null)).put("link", c.link()).put("parents", c.parents());
    strings(flags.putArray("exclude"), c.excludes());
    sources(o, c.sources(), c.inlineSources(), c.destination());
  }

  private static void sources(ObjectNode o, List<String> paths, List<InlineFile> inline, String dest) {
    strings(o.putArray("sources"), paths);
    ArrayNode files = o.putArray("inlineSources");
    inline.forEach(f -> files.addObject().put("path", f.path()).put("content", f.content())
        .put("expand", f.expand()));
    o.put("destination", dest);
  }

  private static void healthcheck(Healthcheck h, ObjectNode flags, ObjectNode o) {
    flags.put("interval", duration(h.interval())).put("timeout", duration(h.timeout()))
        .put("start-period", duration(h.startPeriod()))
        .put("start-interval", duration(h.startInterval())).put("retries", h.retries());
    o.put("none", h.isNone());
    Optional<CommandLine> test = h.test();
    o.set("test", test.isPresent() ? command(test.get()) : NODES.nullNode());
  }

  private static String duration(Duration d) {
    return d.toString();
  }

  private static ObjectNode pairs(ObjectNode o, String field, List<KeyValue> pairs) {
    ArrayNode array = o.putArray(field);
    pairs.forEach(p -> array.addObject().put("key", p.key()).put("value", p.value()));
    return o;
  }

  private static void args(ArrayNode array, List<ArgDeclaration> declarations) {
    declarations.forEach(d -> array.addObject().put("name", d.name())
        .put("default", d.defaultValue().orElse(null)));
  }

  private static ArrayNode strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
    return array;
  }
}

package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.Add;
import dev.lade.dockerfile.ast.Arg;
import dev.lade.dockerfile.ast.Cmd;
import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.Entrypoint;
import dev.lade.dockerfile.ast.Env;
import dev.lade.dockerfile.ast.Expose;
import dev.lade.dockerfile.ast.From;
import dev.lade.dockerfile.ast.Healthcheck;
import dev.lade.dockerfile.ast.InlineFile;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.KeyValue;
import dev.lade.dockerfile.ast.Label;
import dev.lade.dockerfile.ast.Maintainer;
import dev.lade.dockerfile.ast.Mount;
import dev.lade.dockerfile.ast.Onbuild;
import dev.lade.dockerfile.ast.Run;
import dev.lade.dockerfile.ast.Shell;
import dev.lade.dockerfile.ast.StopSignal;
import dev.lade.dockerfile.ast.User;
import dev.lade.dockerfile.ast.Volume;
import dev.lade.dockerfile.ast.Workdir;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the words of the instructions that do not change a stage's variables, following
 * BuildKit's {@code Expand} methods. ENV and ARG change the state as they go and are expanded by
 * {@link StageEvaluator}; here they, and what BuildKit does not expand, come back unchanged.
 */
final class InstructionExpander {
  private InstructionExpander() {}

  static Instruction expand(Instruction instruction, WordExpander x) {
    return switch (instruction) {
      case Add a -> new Add(x.each(a.sources()), inline(a.inlineSources(), x), x.word(a.destination()),
          x.word(a.chown()), a.chmod(), a.link(), a.keepGitDir(), x.word(a.checksum()), a.unpack(),
          a.excludes(), a.location(), a.original());
      case Copy c -> new Copy(x.each(c.sources()), inline(c.inlineSources(), x), x.word(c.destination()),
          c.from(), x.word(c.chown()), c.chmod(), c.link(), c.parents(), c.excludes(), c.location(),
          c.original());
      case Label l -> new Label(pairs(l.labels(), x), l.legacyForm(), l.location(), l.original());
      case Expose e -> new Expose(ports(e.ports(), x), e.location(), e.original());
      case User u -> new User(x.word(u.user()), u.location(), u.original());
      case Workdir w -> new Workdir(x.word(w.path()), w.location(), w.original());
      case StopSignal s -> new StopSignal(x.word(s.signal()), s.location(), s.original());
      case Volume v -> new Volume(x.each(v.paths()), v.location(), v.original());
      case Run r -> new Run(r.command(), r.heredocs(), r.mounts().stream().map(m -> mount(m, x)).toList(),
          r.network(), r.security(), r.location(), r.original());
      case Env e -> e;
      case Arg a -> a;
      case From f -> f;
      case Cmd c -> c;
      case Entrypoint e -> e;
      case Healthcheck h -> h;
      case Shell s -> s;
      case Maintainer m -> m;
      case Onbuild o -> o;
    };
  }

  /** ENV and LABEL pairs: keys and values, every pair with the same variables. */
  static List<KeyValue> pairs(List<KeyValue> pairs, WordExpander x) {
    List<KeyValue> out = new ArrayList<>(pairs.size());
    for (KeyValue kv : pairs) out.add(new KeyValue(x.word(kv.key()), x.word(kv.value())));
    return out;
  }

  private static List<String> ports(List<String> ports, WordExpander x) {
    List<String> out = new ArrayList<>();
    for (String p : ports) out.addAll(x.words(p));
    return out;
  }

  private static List<InlineFile> inline(List<InlineFile> files, WordExpander x) {
    return files.stream()
        .map(f -> f.expand() ? new InlineFile(f.path(), x.raw(f.content()), true) : f)
        .toList();
  }

  /** Every value of a {@code --mount} is expanded, except {@code from}, which may not use variables. */
  private static Mount mount(Mount m, WordExpander x) {
    return switch (m) {
      case Mount.Bind b -> new Mount.Bind(x.word(b.target()), x.word(b.source()), b.from(), b.readOnly());
      case Mount.Cache c -> new Mount.Cache(x.word(c.target()), x.word(c.id()), c.sharing(), c.from(),
          x.word(c.source()), c.readOnly(), c.mode(), c.uid(), c.gid());
      case Mount.Tmpfs t -> new Mount.Tmpfs(x.word(t.target()), t.size(), t.readOnly());
      case Mount.Secret s -> new Mount.Secret(x.word(s.id()), x.word(s.target()), x.word(s.env()),
          s.required(), s.mode(), s.uid(), s.gid());
      case Mount.Ssh s -> new Mount.Ssh(x.word(s.id()), x.word(s.target()), s.required(), s.mode(), s.uid(), s.gid());
    };
  }
}

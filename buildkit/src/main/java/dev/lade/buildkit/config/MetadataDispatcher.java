package dev.lade.buildkit.config;

import dev.lade.dockerfile.ast.Arg;
import dev.lade.dockerfile.ast.ArgDeclaration;
import dev.lade.dockerfile.ast.Cmd;
import dev.lade.dockerfile.ast.CommandLine;
import dev.lade.dockerfile.ast.Entrypoint;
import dev.lade.dockerfile.ast.Env;
import dev.lade.dockerfile.ast.Expose;
import dev.lade.dockerfile.ast.Healthcheck;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.KeyValue;
import dev.lade.dockerfile.ast.Label;
import dev.lade.dockerfile.ast.Maintainer;
import dev.lade.dockerfile.ast.Onbuild;
import dev.lade.dockerfile.ast.Shell;
import dev.lade.dockerfile.ast.StopSignal;
import dev.lade.dockerfile.ast.User;
import dev.lade.dockerfile.ast.Volume;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.value.InvalidValueException;
import dev.lade.dockerfile.value.Signal;
import dev.lade.oci.image.ContainerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the instructions that only change the image config, exactly as BuildKit's {@code
 * dispatch*} functions do, each with the history entry BuildKit writes ({@code empty_layer}).
 */
public final class MetadataDispatcher {
  private MetadataDispatcher() {}

  /** Whether {@code instruction} only changes the config (WORKDIR, RUN, COPY and ADD do more). */
  public static boolean handles(Instruction instruction) {
    // instanceof, not a pattern switch, which spins a class at its first use (bench/RESULTS.md: no-op rebuilds).
    return instruction instanceof Env || instruction instanceof Label || instruction instanceof Maintainer
        || instruction instanceof Cmd || instruction instanceof Entrypoint || instruction instanceof Healthcheck
        || instruction instanceof User || instruction instanceof Volume || instruction instanceof StopSignal
        || instruction instanceof Shell || instruction instanceof Expose || instruction instanceof Arg
        || instruction instanceof Onbuild;
  }

  /**
   * Applies {@code expanded} (an instruction {@link #handles} accepts, its words expanded) to
   * {@code image} and records its history entry.
   *
   * @throws DockerfileParseException located at the instruction for a value BuildKit refuses (a
   *     malformed EXPOSE port, an unknown STOPSIGNAL, an empty VOLUME)
   */
  public static void apply(StageImage image, Instruction expanded) {
    ContainerConfig c = image.config();
    ContainerConfig.Builder b = c.toBuilder();
    String history = switch (expanded) {
      case Env e -> {
        b.env(withEnv(c.env(), e.variables()));
        yield "ENV" + pairs(e.variables());
      }
      case Label l -> {
        Map<String, String> labels = new LinkedHashMap<>(c.labels());
        l.labels().forEach(kv -> labels.put(kv.key(), kv.value()));
        b.labels(labels);
        yield "LABEL" + pairs(l.labels());
      }
      case Maintainer m -> {
        image.author(m.name());
        yield "MAINTAINER " + m.name();
      }
      case Cmd cmd -> {
        List<String> args = Commands.args(cmd.command(), c.shell(), image.platform().os());
        b.cmd(args).argsEscaped(true);
        image.markCmdSet();
        yield "CMD " + GoFormat.quotedList(args);
      }
      case Entrypoint ep -> {
        List<String> args = Commands.args(ep.command(), c.shell(), image.platform().os());
        b.entrypoint(args);
        if (!image.cmdSet()) b.cmd(List.of());
        yield "ENTRYPOINT " + GoFormat.quotedList(args);
      }
      case Healthcheck h -> {
        dev.lade.oci.image.Healthcheck health = health(h);
        b.healthcheck(health);
        yield "HEALTHCHECK " + GoFormat.healthcheck(health);
      }
      case User u -> {
        b.user(u.user());
        yield "USER " + u.user();
      }
      case Volume v -> {
        Set<String> volumes = new LinkedHashSet<>(c.volumes());
        for (String path : v.paths()) {
          if (path.isEmpty()) throw located("VOLUME specified can not be an empty string", v);
          volumes.add(path);
        }
        b.volumes(volumes);
        yield "VOLUME " + GoFormat.list(v.paths());
      }
      case StopSignal s -> {
        try {
          Signal.parse(s.signal());
        } catch (InvalidValueException e) {
          throw located(e.getMessage(), s);
        }
        b.stopSignal(s.signal());
        yield "STOPSIGNAL " + s.signal();
      }
      case Shell s -> {
        b.shell(s.shell());
        yield "SHELL " + GoFormat.list(s.shell());
      }
      case Expose e -> {
        List<String> ports;
        try {
          ports = PortSpecs.parse(e.ports());
        } catch (IllegalArgumentException bad) {
          throw located(bad.getMessage(), e);
        }
        Set<String> exposed = new LinkedHashSet<>(c.exposedPorts());
        exposed.addAll(ports);
        b.exposedPorts(exposed);
        yield "EXPOSE " + GoFormat.list(ports);
      }
      case Arg a -> "ARG " + a.declarations().stream().map(MetadataDispatcher::arg).collect(Collectors.joining(" "));
      case Onbuild o -> {
        List<String> triggers = new ArrayList<>(c.onBuild());
        triggers.add(o.expression());
        b.onBuild(triggers);
        yield null; // BuildKit records no history for ONBUILD
      }
      default -> throw new IllegalArgumentException("not a metadata instruction: " + expanded.keyword());
    };
    image.config(b.build());
    if (history != null) image.addEmptyStep(history);
  }

  /** BuildKit's {@code addEnv}: replaces a variable in place, else appends it. */
  static List<String> withEnv(List<String> env, List<KeyValue> pairs) {
    List<String> out = new ArrayList<>(env);
    for (KeyValue kv : pairs) {
      String entry = kv.key() + "=" + kv.value();
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        String e = out.get(i);
        int eq = e.indexOf('=');
        if ((eq < 0 ? e : e.substring(0, eq)).equals(kv.key())) {
          at = i;
          break;
        }
      }
      if (at >= 0) out.set(at, entry);
      else out.add(entry);
    }
    return out;
  }

  private static String pairs(List<KeyValue> pairs) {
    return pairs.stream().map(kv -> " " + kv.key() + "=" + kv.value()).collect(Collectors.joining());
  }

  private static String arg(ArgDeclaration d) {
    return d.defaultValue().map(v -> d.name() + "=" + v).orElse(d.name());
  }

  private static dev.lade.oci.image.Healthcheck health(Healthcheck h) {
    List<String> test = switch (h.test().orElse(null)) {
      case null -> List.of("NONE");
      case CommandLine.ExecForm exec -> prepend("CMD", exec.args());
      case CommandLine.ShellForm shell -> List.of("CMD-SHELL", shell.script());
    };
    return new dev.lade.oci.image.Healthcheck(
        test, h.interval(), h.timeout(), h.startPeriod(), h.startInterval(), h.retries());
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  private static DockerfileParseException located(String reason, Instruction at) {
    return new DockerfileParseException(reason, at.location().startLine(), 0);
  }
}

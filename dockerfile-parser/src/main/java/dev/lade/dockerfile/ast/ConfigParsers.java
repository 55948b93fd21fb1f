package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instructions that set image configuration or variables: ENV, LABEL, MAINTAINER, EXPOSE,
 * VOLUME, USER, WORKDIR, STOPSIGNAL, ARG. Checks happen in BuildKit's order, so the first
 * problem reported is the same.
 */
final class ConfigParsers {
  private ConfigParsers() {}

  static Env env(InstructionRequest req) {
    req.noFlags();
    List<KeyValue> pairs = keyValues(req.args(), "ENV");
    return new Env(pairs, isLegacy(req.args()), req.location(), req.code());
  }

  static Label label(InstructionRequest req) {
    req.noFlags();
    List<KeyValue> pairs = keyValues(req.args(), "LABEL");
    return new Label(pairs, isLegacy(req.args()), req.location(), req.code());
  }

  /** The parser gives ENV and LABEL as (key, value, separator) triples; "" marks {@code key value}. */
  private static List<KeyValue> keyValues(List<String> args, String command) {
    if (args.isEmpty()) throw InvalidInstructionException.atLeastOneArgument(command);
    if (args.size() % 3 != 0) throw InvalidInstructionException.tooManyArguments(command);
    List<KeyValue> pairs = new ArrayList<>();
    for (int j = 0; j < args.size(); j += 3) {
      if (args.get(j).isEmpty()) throw InvalidInstructionException.blankNames(command);
      pairs.add(new KeyValue(args.get(j), args.get(j + 1)));
    }
    return pairs;
  }

  private static boolean isLegacy(List<String> triples) {
    for (int j = 2; j < triples.size(); j += 3) {
      if (triples.get(j).isEmpty()) return true;
    }
    return false;
  }

  static Maintainer maintainer(InstructionRequest req) {
    String name = single(req, "MAINTAINER");
    req.noFlags();
    return new Maintainer(name, req.location(), req.code());
  }

  static Workdir workdir(InstructionRequest req) {
    String path = single(req, "WORKDIR");
    req.noFlags();
    return new Workdir(path, req.location(), req.code());
  }

  static User user(InstructionRequest req) {
    String user = single(req, "USER");
    req.noFlags();
    return new User(user, req.location(), req.code());
  }

  /** BuildKit does not look at STOPSIGNAL's flags. */
  static StopSignal stopSignal(InstructionRequest req) {
    return new StopSignal(single(req, "STOPSIGNAL"), req.location(), req.code());
  }

  static Expose expose(InstructionRequest req) {
    if (req.args().isEmpty()) throw InvalidInstructionException.atLeastOneArgument("EXPOSE");
    req.noFlags();
    List<String> ports = new ArrayList<>(req.args());
    ports.sort(null);
    return new Expose(ports, req.location(), req.code());
  }

  static Volume volume(InstructionRequest req) {
    if (req.args().isEmpty()) throw InvalidInstructionException.atLeastOneArgument("VOLUME");
    req.noFlags();
    List<String> paths = new ArrayList<>();
    for (String arg : req.args()) {
      String path = GoUnicode.trimSpace(arg);
      if (path.isEmpty()) {
        throw new InvalidInstructionException("VOLUME specified can not be an empty string");
      }
      paths.add(path);
    }
    return new Volume(paths, req.location(), req.code());
  }

  /** BuildKit does not look at ARG's flags. Each word is {@code NAME} or {@code NAME=default}. */
  static Arg arg(InstructionRequest req) {
    if (req.args().isEmpty()) throw InvalidInstructionException.atLeastOneArgument("ARG");
    List<ArgDeclaration> declarations = new ArrayList<>();
    for (String word : req.args()) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        declarations.add(new ArgDeclaration(word, Optional.empty()));
        continue;
      }
      if (eq == 0) throw InvalidInstructionException.blankNames("ARG");
      declarations.add(new ArgDeclaration(word.substring(0, eq), Optional.of(word.substring(eq + 1))));
    }
    return new Arg(declarations, req.location(), req.code());
  }

  private static String single(InstructionRequest req, String command) {
    if (req.args().size() != 1) throw InvalidInstructionException.exactlyOneArgument(command);
    return req.args().get(0);
  }
}

package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.parser.Heredoc;
import dev.lade.dockerfile.parser.HeredocMarker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ADD and COPY: sources (paths or heredocs), a destination and their flags. */
final class CopyParsers {
  private static final FlagSpec ADD_FLAGS = new FlagSpec().strings("exclude").string("chown")
      .string("chmod").bool("link").bool("keep-git-dir").string("checksum").bool("unpack");
  private static final FlagSpec COPY_FLAGS = new FlagSpec().string("chown").string("from")
      .string("chmod").bool("link").strings("exclude").bool("parents");

  private CopyParsers() {}

  static Add add(InstructionRequest req) {
    if (req.args().size() < 2) throw InvalidInstructionException.noDestination("ADD");
    ParsedFlags f = req.parseFlags(ADD_FLAGS);
    Sources s = sources(req, "ADD");
    Optional<Boolean> unpack = f.isUsed("unpack") ? Optional.of(f.bool("unpack")) : Optional.empty();
    return new Add(s.paths, s.inline, s.destination, f.string("chown"), f.string("chmod"),
        f.bool("link"), f.bool("keep-git-dir"), f.string("checksum"), unpack, f.strings("exclude"),
        req.location(), req.code());
  }

  static Copy copy(InstructionRequest req) {
    if (req.args().size() < 2) throw InvalidInstructionException.noDestination("COPY");
    ParsedFlags f = req.parseFlags(COPY_FLAGS);
    Sources s = sources(req, "COPY");
    return new Copy(s.paths, s.inline, s.destination, f.string("from"), f.string("chown"),
        f.string("chmod"), f.bool("link"), f.bool("parents"), f.strings("exclude"), req.location(),
        req.code());
  }

  private record Sources(List<String> paths, List<InlineFile> inline, String destination) {}

  /** BuildKit's {@code parseSourcesAndDest}: heredoc sources become inline files. */
  private static Sources sources(InstructionRequest req, String command) {
    List<String> args = req.args();
    String destination = args.get(args.size() - 1);
    if (HeredocMarker.parse(destination).isPresent()) {
      throw InvalidInstructionException.badHeredoc(command, "a destination", destination);
    }
    Map<String, Heredoc> byName = new HashMap<>();
    for (Heredoc h : req.heredocs()) byName.put(h.name(), h);
    List<String> paths = new ArrayList<>();
    List<InlineFile> inline = new ArrayList<>();
    for (String src : args.subList(0, args.size() - 1)) {
      Optional<Heredoc> marker = HeredocMarker.parse(src);
      if (marker.isEmpty()) {
        paths.add(src);
        continue;
      }
      String name = marker.get().name();
      // As in BuildKit, a marker without a body (JSON form) is an empty file.
      Heredoc body = byName.get(name);
      inline.add(new InlineFile(name, body == null ? "" : body.content(), marker.get().expand()));
    }
    return new Sources(paths, inline, destination);
  }
}

package dev.lade.dockerfile.ast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lade.dockerfile.parser.ParseWarning;

/**
 * A stable JSON rendering of a {@link Dockerfile}, for {@code lade parse --format json}. Fields
 * always appear, in the order below; absent values are {@code null}.
 *
 * <pre>{@code
 * {
 *   "metaArgs": [ INSTRUCTION (kind ARG)... ],
 *   "stages": [ {
 *     "index": 0, "name": "build" | null, "baseImage": "golang:1.23", "platform": "..." | null,
 *     "location": { "startLine": 3, "endLine": 9 },
 *     "from": INSTRUCTION (kind FROM),
 *     "instructions": [ INSTRUCTION... ]
 *   } ],
 *   "warnings": [ { "message": "...", "startLine": 4, "endLine": 6 } ]
 * }
 * }</pre>
 *
 * <p>Every INSTRUCTION is {@code {"kind": "RUN", "location": {...}, "original": "RUN ...",
 * "flags": {...}, ...}}: {@code flags} has one entry per flag the instruction accepts, keyed by
 * its Dockerfile name ({@code "keep-git-dir"}, {@code "mount"}), holding its typed value or
 * default; the instruction's arguments follow as named fields. See {@link InstructionJson} for
 * each kind. A command is {@code {"form": "shell", "script": "..."}} or
 * {@code {"form": "exec", "args": [...]}}. Durations are ISO-8601 ({@code PT30S}); file modes
 * are octal strings ({@code "0755"}). Values are unexpanded, as written.
 */
public final class AstJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AstJson() {}

  /** The JSON tree for {@code dockerfile}. */
  public static ObjectNode toTree(Dockerfile dockerfile) {
    ObjectNode root = NODES.objectNode();
    ArrayNode metaArgs = root.putArray("metaArgs");
    dockerfile.metaArgs().forEach(a -> metaArgs.add(InstructionJson.of(a)));
    ArrayNode stages = root.putArray("stages");
    dockerfile.stages().forEach(s -> stages.add(stage(s)));
    ArrayNode warnings = root.putArray("warnings");
    for (ParseWarning w : dockerfile.warnings()) {
      warnings.addObject().put("message", w.message()).put("startLine", w.startLine())
          .put("endLine", w.endLine());
    }
    return root;
  }

  /** The JSON text for {@code dockerfile}: two-space indents, ending with a newline. */
  public static String toJson(Dockerfile dockerfile) {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
        .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(toTree(dockerfile)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static ObjectNode stage(Stage s) {
    ObjectNode o = NODES.objectNode();
    o.put("index", s.index());
    o.put("name", s.name().orElse(null));
    o.put("baseImage", s.baseImage());
    o.put("platform", s.platform().orElse(null));
    o.set("location", InstructionJson.location(s.location()));
    o.set("from", InstructionJson.of(s.from()));
    ArrayNode instructions = o.putArray("instructions");
    s.instructions().forEach(i -> instructions.add(InstructionJson.of(i)));
    return o;
  }
}

package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoUnicode;
/** How BuildKit's parser reads an instruction's arguments (its dispatch table). */
enum ArgumentSyntax {
  /** FROM, EXPOSE: one argument per whitespace-separated token. */
  WHITESPACE_LIST,
  /** ADD, COPY, VOLUME: a JSON string array, else a whitespace list. */
  JSON_OR_LIST,
  /** RUN, CMD, ENTRYPOINT, SHELL: a JSON string array, else the whole text as one argument. */
  JSON_OR_STRING,
  /** MAINTAINER, USER, WORKDIR, STOPSIGNAL: the whole text as one argument. */
  STRING,
  /** ARG: words, quotes kept. */
  WORDS,
  /** ENV, LABEL: key, value, separator triples. */
  NAME_VALUE,
  /** HEALTHCHECK: the type word, then JSON-or-string. */
  HEALTHCHECK,
  /** ONBUILD: one argument holding the nested instruction. */
  SUB_INSTRUCTION,
  /** Anything else: one empty argument. */
  IGNORE;

  /** The syntax of an instruction, by its name in any case (Go's simple lower-casing). */
  static ArgumentSyntax of(String instruction) {
    return switch (GoUnicode.toLower(instruction)) {
      case "from", "expose" -> WHITESPACE_LIST;
      case "add", "copy", "volume" -> JSON_OR_LIST;
      case "run", "cmd", "entrypoint", "shell" -> JSON_OR_STRING;
      case "maintainer", "user", "workdir", "stopsignal" -> STRING;
      case "arg" -> WORDS;
      case "env", "label" -> NAME_VALUE;
      case "healthcheck" -> HEALTHCHECK;
      case "onbuild" -> SUB_INSTRUCTION;
      default -> IGNORE;
    };
  }
}

package dev.lade.dockerfile.ast;

/**
 * One typed Dockerfile instruction, the equivalent of a command in BuildKit's
 * {@code frontend/dockerfile/instructions} package.
 *
 * <p>Values are kept as written: variables are not expanded yet (that needs the build's
 * arguments and environment), quotes in shell-form words stay. What BuildKit checks when it
 * parses a Dockerfile is checked here, so a value of this type is well-formed.
 */
public sealed interface Instruction
    permits From, Run, Cmd, Entrypoint, Label, Maintainer, Expose, Env, Add, Copy, Volume, User,
        Workdir, Arg, Onbuild, StopSignal, Healthcheck, Shell {

  /** Where the instruction is written. */
  SourceLocation location();

  /** The instruction's logical line as written, continuations joined, trimmed. */
  String original();

  /** The instruction word in upper case, e.g. {@code RUN}. */
  default String keyword() {
    return switch (this) {
      case From f -> "FROM";
      case Run r -> "RUN";
      case Cmd c -> "CMD";
      case Entrypoint e -> "ENTRYPOINT";
      case Label l -> "LABEL";
      case Maintainer m -> "MAINTAINER";
      case Expose e -> "EXPOSE";
      case Env e -> "ENV";
      case Add a -> "ADD";
      case Copy c -> "COPY";
      case Volume v -> "VOLUME";
      case User u -> "USER";
      case Workdir w -> "WORKDIR";
      case Arg a -> "ARG";
      case Onbuild o -> "ONBUILD";
      case StopSignal s -> "STOPSIGNAL";
      case Healthcheck h -> "HEALTHCHECK";
      case Shell s -> "SHELL";
    };
  }
}

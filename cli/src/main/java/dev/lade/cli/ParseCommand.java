package dev.lade.cli;

import dev.lade.dockerfile.ast.AstJson;
import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.parser.Dump;
import dev.lade.dockerfile.parser.ParseResult;
import dev.lade.dockerfile.parser.Parser;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lade parse}: parses a Dockerfile and prints its typed syntax tree as JSON, or BuildKit's
 * parser dump. A malformed Dockerfile is reported as {@code FILE:LINE:COL: reason} and exits 2.
 */
@Command(name = "parse",
    description = "Parse a Dockerfile and print its syntax tree.")
final class ParseCommand implements Callable<Integer> {

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = "Dockerfile",
      description = "The Dockerfile to parse; - reads standard input (default: ${DEFAULT-VALUE}).")
  String file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json: the typed instructions and stages; dump: BuildKit's parser test format "
          + "(default: ${DEFAULT-VALUE}).")
  String format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("json") && !format.equals("dump")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format must be json or dump, not '" + format + "'");
    }
    byte[] source = DockerfileInput.read(file);
    String name = DockerfileInput.displayName(file);
    try {
      ParseResult result = Parser.parse(source);
      String out = format.equals("dump")
          ? Dump.dump(result.root()) + "\n"
          : AstJson.toJson(Dockerfile.from(result, source));
      spec.commandLine().getOut().print(out);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    } catch (DockerfileParseException e) {
      throw new DockerfileSourceException(e.withSource(name), source);
    }
  }
}

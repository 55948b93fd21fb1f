package dev.lade.cli;

import dev.lade.dockerfile.lint.DockerfileLinter;
import dev.lade.dockerfile.lint.LintOptions;
import dev.lade.dockerfile.lint.LintReport;
import dev.lade.dockerfile.lint.LintWarning;
import dev.lade.dockerfile.scope.BuildArgs;
import dev.lade.dockerfile.scope.ScopeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lade check}: runs BuildKit's build checks on a Dockerfile, like {@code docker build
 * --check}. Prints one warning per line ({@code FILE:LINE: Rule - message [docs URL]}) and a
 * summary; exits 0 with warnings, 1 when warnings fail the check ({@code --error} or
 * {@code # check=error=true}), 2 when the Dockerfile is malformed.
 */
@Command(name = "check",
    description = "Check a Dockerfile against BuildKit's build checks.")
final class CheckCommand implements Callable<Integer> {

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = "Dockerfile",
      description = "The Dockerfile to check; - reads standard input (default: ${DEFAULT-VALUE}).")
  String file;

  @Option(names = "--error", description = "Fail (exit 1) when there are warnings, as # check=error=true does.")
  boolean error;

  @Option(names = "--build-arg", paramLabel = "NAME[=VALUE]",
      description = "A build argument the checks evaluate the Dockerfile with; without a value, "
          + "the value of the environment variable of that name, if set. Repeatable.")
  List<String> buildArgs = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    byte[] source = DockerfileInput.read(file);
    String name = DockerfileInput.displayName(file);
    LintOptions options = LintOptions.defaults()
        .withScope(ScopeOptions.defaults().withBuildArgs(buildArgs()))
        .withFailOnWarnings(error);
    LintReport report = DockerfileLinter.lint(source, options);
    PrintWriter out = spec.commandLine().getOut();
    for (LintWarning w : report.warnings()) {
      out.println(name + ":" + w.line() + ": " + w.rule().name() + " - " + w.message() + " [" + w.rule().url() + "]");
    }
    out.flush();
    if (report.error().isPresent()) throw new DockerfileSourceException(report.error().get().withSource(name), source);
    out.println(summary(report.warnings().size()));
    out.flush();
    if (report.failedOnWarnings()) throw new LintViolationException(report.violationMessage());
    return ExitCode.OK;
  }

  /** docker build --check's closing line. */
  static String summary(int warnings) {
    return switch (warnings) {
      case 0 -> "Check complete, no warnings found.";
      case 1 -> "Check complete, 1 warning has been found!";
      default -> "Check complete, " + warnings + " warnings have been found!";
    };
  }

  private BuildArgs buildArgs() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String arg : buildArgs) {
      int eq = arg.indexOf('=');
      if (eq == 0) throw new CommandLine.ParameterException(spec.commandLine(), "--build-arg needs a name: '" + arg + "'");
      if (eq > 0) {
        values.put(arg.substring(0, eq), arg.substring(eq + 1));
      } else if (System.getenv(arg) != null) {
        values.put(arg, System.getenv(arg));
      }
    }
    return BuildArgs.of(values);
  }


  /** Warnings that fail the check; exits 1 like a failed build. */
  static final class LintViolationException extends RuntimeException {
    LintViolationException(String message) {
      super(message);
    }
  }
}

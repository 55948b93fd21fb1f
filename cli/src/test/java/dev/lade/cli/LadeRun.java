package dev.lade.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process lade invocation with its exit code and what it printed.
 *
 * @param exitCode the exit code {@link Main#run} would return
 * @param out standard output
 * @param err standard error
 */
record LadeRun(int exitCode, String out, String err) {
  static LadeRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new LadeRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nstdout:\n" + out + "stderr:\n" + err;
  }
}

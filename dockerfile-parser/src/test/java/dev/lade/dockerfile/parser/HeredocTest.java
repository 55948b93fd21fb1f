package dev.lade.dockerfile.parser;

import static dev.lade.dockerfile.parser.Parsing.dump;
import static dev.lade.dockerfile.parser.Parsing.failure;
import static dev.lade.dockerfile.parser.Parsing.first;
import static dev.lade.dockerfile.parser.Parsing.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Heredocs, with examples from Docker's Dockerfile reference. */
class HeredocTest {

  @Test
  void readsARunHeredoc() {
    ParseResult r = parse("FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER nobody\n");
    Node run = r.root().children().get(1);
    assertEquals(List.of(new Heredoc("EOF", "apt-get update\napt-get install -y curl\n", true, false, 0)), run.heredocs());
    assertEquals(2, run.startLine());
    assertEquals(5, run.endLine());
    assertEquals("(from \"debian\")\n(run \"<<EOF\")\n(user \"nobody\")", Dump.dump(r.root()));
  }

  @Test
  void severalHeredocsOnOneLineAreReadInOrder() {
    Node run = first("RUN <<FILE1 cat > file1 && <<FILE2 cat > file2\nI am\nfirst\nFILE1\nI am\nsecond\nFILE2\n");
    assertEquals(List.of(new Heredoc("FILE1", "I am\nfirst\n", true, false, 0),
        new Heredoc("FILE2", "I am\nsecond\n", true, false, 0)), run.heredocs());
    assertEquals(7, run.endLine());
    assertEquals("(copy \"<<A\" \"<<B\" \"/d\")", dump("COPY <<A <<B /d\na\nA\nb\nB\n"));
  }

  @Test
  void dashStripsLeadingTabsFromTerminatorAndBody() {
    Node copy = first("COPY <<-EOT /script.sh\n\techo \"hello ${FOO}\"\n\t\tnested\n\tEOT\n");
    assertEquals(List.of(new Heredoc("EOT", "echo \"hello ${FOO}\"\nnested\n", true, true, 0)), copy.heredocs());
  }

  @Test
  void quotedNamesAreNotExpanded() {
    assertEquals(new Heredoc("EOF", "$HOME\n", false, false, 0), first("RUN <<'EOF'\n$HOME\nEOF\n").heredocs().get(0));
    assertEquals(new Heredoc("EOF", "", false, true, 0), first("RUN <<-\"EOF\"\nEOF\n").heredocs().get(0));
    assertEquals(new Heredoc("EOF", "", false, false, 0), first("RUN <<E\"O\"F\nEOF\n").heredocs().get(0));
    assertEquals(new Heredoc("file.txt", "", true, false, 0), first("COPY <<file.txt /\nfile.txt\n").heredocs().get(0));
  }

  @Test
  void fileDescriptorPrefix() {
    assertEquals(new Heredoc("EOF", "x\n", true, false, 3), first("RUN 3<<EOF cat /dev/fd/3\nx\nEOF\n").heredocs().get(0));
  }

  @Test
  void whitespaceAfterTheOperatorIsAllowed() {
    assertEquals(new Heredoc("EOF", "hello\n", true, false, 0), first("RUN cat << EOF > /hello.txt\nhello\nEOF\n").heredocs().get(0));
    assertEquals(new Heredoc("EOF", "", false, false, 0), first("RUN cat <<  'EOF'\nEOF\n").heredocs().get(0));
  }

  @Test
  void anUnterminatedHeredocIsAnError() {
    DockerfileParseException e = failure("FROM a\n  RUN <<EOF\necho hi\n");
    assertEquals("unterminated heredoc", e.reason());
    assertEquals(2, e.line());
    assertEquals(3, e.column());
    assertEquals("unterminated heredoc", failure("FROM a\nCOPY <<A <<B /\nA\n").reason());
  }

  @Test
  void crlfBodiesKeepTheirLineEndings() {
    Node run = first("RUN <<EOF\r\necho a\r\necho b\r\nEOF\r\n");
    assertEquals("echo a\r\necho b\r\n", run.heredocs().get(0).content());
  }

  @Test
  void onbuildRunHeredocsAreReadToo() {
    ParseResult r = parse("FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\nUSER b\n");
    Node onbuild = r.root().children().get(1);
    assertEquals(List.of(new Heredoc("EOF", "echo hi\n", true, false, 0)), onbuild.heredocs());
    assertEquals(4, onbuild.endLine());
    assertEquals("(from \"a\")\n(onbuild (run \"<<EOF\"))\n(user \"b\")", Dump.dump(r.root()));
  }

  @Test
  void onlyRunCopyAddInShellFormOpenHeredocs() {
    assertEquals("(user \"<<X\")\n(x \"\")", dump("USER <<X\nX\n"));
    assertEquals("(run \"<<EOF\")\n(eof \"\")", dump("RUN [\"<<EOF\"]\nEOF\n"));
    assertEquals(List.of(), first("RUN \"<<EOF\"\n").heredocs());
    assertEquals(List.of(), first("RUN echo '<<EOF'\n").heredocs());
    assertEquals(List.of(), first("RUN <<<EOF\n").heredocs());
  }

  @Test
  void heredocDetectionAlwaysUsesBackslash() {
    // Under `# escape=` the backslash still escapes while looking for heredocs: \<<EOF is no heredoc.
    assertEquals(List.of(), first("# escape=`\nRUN echo \\<<EOF\n").heredocs());
  }

  @Test
  void aLineThatDoesNotLexOpensNoHeredoc() {
    assertEquals(List.of(), first("RUN <<EOF echo 'unterminated\n").heredocs());
  }

  @Test
  void aHeredocNameThatDoesNotLexIsAnError() {
    assertEquals("failed to process \"${X:-a\": syntax error: missing '}'",
        assertThrows(ParseFailure.class, () -> HeredocDetector.parseWord("<<${X:-a")).getMessage());
    assertEquals("failed to process \"'EOF\": unexpected end of statement while looking for matching single-quote",
        assertThrows(ParseFailure.class, () -> HeredocDetector.parseWord("<<'EOF")).getMessage());
  }
}

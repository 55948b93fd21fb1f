package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.buildkit.fs.testing.Instructions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * COPY and ADD history as current BuildKit's dispatchCopy writes it: the keyword, then --parents, --chown= and --chmod=
 * as given, the sources, heredocs as {@code <<NAME}, the destination, and {@code # buildkit}. dockerd 20.10 left the
 * flags out, so the differential corpus cannot check them (ComparableImage drops them on both sides): this does.
 */
class CopyHistoryTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "COPY a b /dst/                                   | COPY a b /dst/ # buildkit",
      "COPY --chown=app:staff a /dst                    | COPY --chown=app:staff a /dst # buildkit",
      "COPY --chmod=0755 --chown=1000 a /dst            | COPY --chown=1000 --chmod=0755 a /dst # buildkit",
      "COPY --chmod=u+x a /dst                          | COPY --chmod=u+x a /dst # buildkit",
      "COPY --parents --chown=1:2 x/./y /dst/           | COPY --parents --chown=1:2 x/./y /dst/ # buildkit",
      "COPY --from=build --chown=app /out /dst          | COPY --chown=app /out /dst # buildkit",
      "ADD --chown=app --chmod=600 a.tar /dst/          | ADD --chown=app --chmod=600 a.tar /dst/ # buildkit",
      "ADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 https://example.com/a /a"
          + " | ADD https://example.com/a /a # buildkit",
      "COPY [\"a b\", \"/dst/\"]                        | COPY a b /dst/ # buildkit"})
  void historyAsBuildKitWritesIt(String instruction, String history) {
    assertEquals(history, CopyHistory.of(Instructions.parse(instruction)));
  }
}

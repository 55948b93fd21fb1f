package dev.lade.dockerfile.fuzz;

import dev.lade.dockerfile.shell.ShellLexer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mutated shell vectors through the expander under every option combination: only {@code ShellExpansionException} may come out. */
class ShellFuzzTest {
  private static final Seeds SEEDS = Seeds.load();
  private static final int COMBINATIONS_PER_WORD = 4;

  @Test
  void mutatedWordsFailOnlyWithTheTypedError() {
    System.out.println("fuzz: shell seeds from " + SEEDS.origin() + " (" + SEEDS.words().size() + " words)");
    Mutator mutator = new Mutator(SEEDS.words().stream().map(Seeds::utf8).toList());
    new FuzzRun("mutated shell words x " + COMBINATIONS_PER_WORD + " option sets", Duration.ofSeconds(5),
        seed -> Printable.text(word(mutator, seed)))
        .run(3, 5000, seed -> {
          String word = word(mutator, seed);
          int first = new Random(seed).nextInt(ShellTarget.OPTION_COMBINATIONS);
          int expanded = 0;
          for (int i = 0; i < COMBINATIONS_PER_WORD; i++) {
            ShellLexer lexer = ShellTarget.lexer((first + i * 7) % ShellTarget.OPTION_COMBINATIONS);
            if (ShellTarget.run(lexer, word)) expanded++;
          }
          return "expanded under " + expanded + "/" + COMBINATIONS_PER_WORD;
        });
  }

  /**
   * The mutated bytes decoded as UTF-8 (bad bytes become U+FFFD) or Latin-1, sometimes with a
   * lone surrogate, which Java strings can hold and Go strings cannot.
   */
  private static String word(Mutator mutator, long seed) {
    byte[] bytes = mutator.input(seed);
    Random random = new Random(~seed);
    String word = new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    if (random.nextInt(8) == 0) {
      int at = random.nextInt(word.length() + 1);
      word = word.substring(0, at) + (random.nextBoolean() ? '\uD800' : '\uDC00') + word.substring(at);
    }
    return word;
  }
}

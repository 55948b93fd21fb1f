package dev.lade.oci.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the hand-written grammar against distribution/reference's regular expressions, composed
 * here exactly as regexp.go composes them, on many random short strings (short enough for Java's
 * regex engine).
 */
class ReferenceGrammarEquivalenceTest {
  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String DOMAIN_NAME_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN_AND_PORT =
      "(?:" + DOMAIN_NAME_COMPONENT + "(?:\\." + DOMAIN_NAME_COMPONENT + ")*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?";
  private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String NAME = "(?:" + DOMAIN_AND_PORT + "/)?" + REMOTE_NAME;
  private static final Pattern REFERENCE = Pattern.compile(
      "^(" + NAME + ")(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}))?$");
  private static final Pattern ANCHORED_NAME =
      Pattern.compile("^(?:(" + DOMAIN_AND_PORT + ")/)?(" + REMOTE_NAME + ")$");

  private static final String ALPHABET = "ab0AB.._-_/:/[]9fx";

  private static String random(Random random) {
    StringBuilder s = new StringBuilder();
    int length = 1 + random.nextInt(14);
    for (int i = 0; i < length; i++) s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    if (random.nextInt(4) == 0) s.append(":t").append(random.nextInt(10));
    if (random.nextInt(6) == 0) s.append("@sha256:").append("e".repeat(32 + random.nextInt(3)));
    return s.toString();
  }

  @Test
  void acceptsAndSplitsExactlyLikeTheGoExpressions() {
    Random random = new Random(20240101);
    int matched = 0;
    for (int i = 0; i < 200_000; i++) {
      String s = random(random);
      Matcher m = REFERENCE.matcher(s);
      ReferenceGrammar.Parts parts = ReferenceGrammar.split(s);
      assertEquals(m.matches(), parts != null, s);
      if (parts == null) continue;
      matched++;
      assertEquals(m.group(1), parts.name(), s);
      assertEquals(m.group(2) == null ? "" : m.group(2), parts.tag(), s);
      assertEquals(m.group(3), parts.digest(), s);
      Matcher name = ANCHORED_NAME.matcher(m.group(1));
      assertEquals(true, name.matches(), s);
      String[] split = ReferenceGrammar.splitName(parts.name());
      assertEquals(name.group(1) == null ? "" : name.group(1), split[0], s);
      assertEquals(name.group(2), split[1], s);
    }
    assertEquals(true, matched > 1000, "too few matching samples: " + matched);
  }
}

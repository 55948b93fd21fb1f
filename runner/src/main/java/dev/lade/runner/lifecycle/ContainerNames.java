package dev.lade.runner.lifecycle;

import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

/** Container names: checked as docker checks them, generated as moby's namesgenerator makes them. */
public final class ContainerNames {

  /** moby's {@code validContainerNamePattern}. */
  private static final Pattern VALID = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  // A selection of moby's namesgenerator lists.
  private static final List<String> LEFT = List.of(
      "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "blissful", "bold",
      "boring", "brave", "busy", "charming", "clever", "cool", "compassionate", "competent", "confident",
      "crazy", "dazzling", "determined", "distracted", "dreamy", "eager", "ecstatic", "elastic", "elated",
      "elegant", "eloquent", "epic", "fervent", "festive", "flamboyant", "focused", "friendly", "frosty",
      "gallant", "gifted", "goofy", "gracious", "happy", "hardcore", "heuristic", "hopeful", "hungry",
      "infallible", "inspiring", "jolly", "jovial", "keen", "kind", "laughing", "loving", "lucid", "magical",
      "modest", "musing", "naughty", "nervous", "nice", "nifty", "nostalgic", "objective", "optimistic",
      "peaceful", "pedantic", "pensive", "practical", "priceless", "quirky", "quizzical", "relaxed",
      "reverent", "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic", "strange", "suspicious",
      "sweet", "tender", "thirsty", "trusting", "unruffled", "upbeat", "vibrant", "vigilant", "vigorous",
      "wizardly", "wonderful", "xenodochial", "youthful", "zealous", "zen");

  private static final List<String> RIGHT = List.of(
      "albattani", "allen", "almeida", "archimedes", "ardinghelli", "aryabhata", "babbage", "banach", "bardeen",
      "bartik", "bell", "bhabha", "blackwell", "bohr", "booth", "borg", "bose", "boyd", "brahmagupta",
      "brattain", "brown", "carson", "cerf", "chandrasekhar", "clarke", "curie", "darwin", "davinci", "dijkstra",
      "easley", "einstein", "elion", "engelbart", "euclid", "euler", "fermat", "fermi", "feynman", "franklin",
      "galileo", "gates", "goldberg", "goodall", "hamilton", "hawking", "heisenberg", "hermann", "hodgkin",
      "hopper", "hypatia", "jackson", "jang", "jennings", "johnson", "kalam", "kepler", "khorana", "knuth",
      "kowalevski", "lamarr", "lamport", "leakey", "lovelace", "lumiere", "mayer", "mccarthy", "mcclintock",
      "meitner", "mendel", "montalcini", "morse", "napier", "newton", "nobel", "noether", "pare", "pascal",
      "pasteur", "payne", "perlman", "pike", "poincare", "ptolemy", "ride", "ritchie", "rosalind", "sammet",
      "shannon", "shirley", "sinoussi", "stonebraker", "swartz", "tesla", "thompson", "torvalds", "turing",
      "villani", "wescoff", "wilbur", "williams", "wozniak", "wright", "yalow", "yonath");

  private static final SecureRandom RANDOM = new SecureRandom();

  private ContainerNames() {}

  /** {@code name} without docker's optional leading slash. */
  public static String validate(String name) throws ContainerException {
    if (!VALID.matcher(name).matches()) {
      throw new ContainerException(
          "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    return name.startsWith("/") ? name.substring(1) : name;
  }

  /** {@code adjective_surname}; from the {@code retry}th attempt on, with a digit appended, as moby. */
  public static String random(int retry) {
    String name;
    do {
      name = LEFT.get(RANDOM.nextInt(LEFT.size())) + "_" + RIGHT.get(RANDOM.nextInt(RIGHT.size()));
    } while (name.equals("boring_wozniak")); // Steve Wozniak is not boring
    return retry > 0 ? name + RANDOM.nextInt(10) : name;
  }
}

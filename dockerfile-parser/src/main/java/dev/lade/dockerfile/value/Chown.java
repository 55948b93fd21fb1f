package dev.lade.dockerfile.value;

import java.util.Optional;

/**
 * A {@code --chown=user[:group]} value, as BuildKit's {@code llb.WithUser} reads it. Each part is
 * a numeric id or a name to look up in the image's {@code /etc/passwd} or {@code /etc/group}
 * (that lookup is the builder's job).
 *
 * <p>As in BuildKit: {@code root} is id 0 without a lookup; an empty part is id 0, so {@code
 * :staff} means user 0 and {@code 1000:} group 0; without a group, a numeric user's id doubles as
 * the group id while a named user gets the group from its passwd entry.
 */
public record Chown(Owner user, Optional<Owner> group) {
  public Chown {
    if (user == null || group == null) throw new NullPointerException("user and group must not be null");
  }

  /** A user or group, by id or by name. */
  public sealed interface Owner {
    /** A numeric id, used as is. */
    record ById(int id) implements Owner {
      @Override public String toString() { return Integer.toString(id); }
    }

    /** A name to resolve in the image. */
    record ByName(String name) implements Owner {
      public ByName {
        if (name.isEmpty()) throw new InvalidValueException("empty user or group name", name);
      }

      @Override public String toString() { return name; }
    }

    /** {@code root} and the empty string are 0; a decimal 32-bit number is an id; else a name. */
    static Owner parse(String part) {
      if (part.isEmpty() || part.equals("root")) return new ById(0);
      Optional<Integer> id = parseInt32(part);
      return id.<Owner>map(ById::new).orElseGet(() -> new ByName(part));
    }
  }

  /**
   * Splits at the first {@code :}; the rest, colons and all, is the group.
   *
   * @throws InvalidValueException for an empty value (BuildKit then does no chown at all)
   */
  public static Chown parse(String text) {
    if (text.isEmpty()) throw new InvalidValueException("invalid chown: empty value", text);
    int colon = text.indexOf(':');
    if (colon < 0) return new Chown(Owner.parse(text), Optional.empty());
    return new Chown(Owner.parse(text.substring(0, colon)), Optional.of(Owner.parse(text.substring(colon + 1))));
  }

  /** Go's {@code strconv.ParseInt(s, 10, 32)}: optional sign, decimal digits, 32-bit range. */
  private static Optional<Integer> parseInt32(String s) {
    int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
    if (start == s.length() || !s.substring(start).chars().allMatch(c -> c >= '0' && c <= '9')) return Optional.empty();
    try {
      return Optional.of(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return Optional.empty(); // out of range: BuildKit then treats it as a name
    }
  }

  @Override public String toString() {
    return user + group.map(g -> ":" + g).orElse("");
  }
}

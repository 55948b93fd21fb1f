package dev.lade.dockerfile.ignore;

import dev.lade.dockerfile.ignore.RegexNode.Assertion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Parses regular expressions with Go's RE2 syntax and flags ({@code regexp.Compile}: Perl
 * extensions, one-line, negated classes may match newline). It covers what patternmatcher can
 * produce from a pattern: literals, escapes, classes, groups, {@code * + ?} and anchors; anything
 * RE2 would reject, or that cannot arise from a pattern ({@code (?flags)}), is rejected.
 */
final class RegexParser {
  private final int[] s;
  private int pos;

  private RegexParser(String regex) {
    this.s = regex.codePoints().toArray();
  }

  /** The parsed expression, or empty when RE2 would report a syntax error. */
  static Optional<RegexNode> parse(String regex) {
    RegexParser p = new RegexParser(regex);
    try {
      RegexNode node = p.alternation();
      if (p.pos < p.s.length) return Optional.empty(); // an unmatched ')'
      return Optional.of(node);
    } catch (BadRegex e) {
      return Optional.empty();
    }
  }

  private RegexNode alternation() {
    List<RegexNode> choices = new ArrayList<>();
    choices.add(concat());
    while (pos < s.length && s[pos] == '|') {
      pos++;
      choices.add(concat());
    }
    return choices.size() == 1 ? choices.get(0) : new RegexNode.Alternate(List.copyOf(choices));
  }

  private RegexNode concat() {
    List<RegexNode> parts = new ArrayList<>();
    boolean lastWasRepeat = false;
    while (pos < s.length && s[pos] != '|' && s[pos] != ')') {
      int c = s[pos];
      if (c == '*' || c == '+' || c == '?') {
        // RE2 forbids a repeat with no argument and stacked repeats such as a**.
        if (parts.isEmpty() || lastWasRepeat) throw new BadRegex();
        pos++;
        if (pos < s.length && s[pos] == '?') pos++; // non-greedy: same set of matches
        RegexNode last = parts.remove(parts.size() - 1);
        parts.add(new RegexNode.Repeat(last, c == '+' ? 1 : 0, c == '?' ? 1 : -1));
        lastWasRepeat = true;
      } else {
        atom(parts);
        lastWasRepeat = false;
      }
    }
    return parts.size() == 1 ? parts.get(0) : new RegexNode.Concat(List.copyOf(parts));
  }

  private void atom(List<RegexNode> parts) {
    int c = s[pos];
    switch (c) {
      case '(' -> {
        if (pos + 1 < s.length && s[pos + 1] == '?') throw new BadRegex(); // flags: never produced
        pos++;
        RegexNode inner = alternation();
        if (pos >= s.length || s[pos] != ')') throw new BadRegex();
        pos++;
        parts.add(inner);
      }
      case '[' -> parts.add(new RegexNode.Class(bracket()));
      case '.' -> { pos++; parts.add(new RegexNode.AnyButNewline()); }
      case '^' -> { pos++; parts.add(new Assertion(Assertion.Kind.BEGIN_TEXT)); }
      case '$' -> { pos++; parts.add(new Assertion(Assertion.Kind.END_TEXT)); }
      case '\\' -> escapeAtom(parts);
      default -> { pos++; parts.add(new RegexNode.Literal(c)); }
    }
  }

  private void escapeAtom(List<RegexNode> parts) {
    if (pos + 1 >= s.length) throw new BadRegex(); // trailing backslash
    int e = s[pos + 1];
    Assertion.Kind kind = switch (e) {
      case 'A' -> Assertion.Kind.BEGIN_TEXT;
      case 'z' -> Assertion.Kind.END_TEXT;
      case 'b' -> Assertion.Kind.WORD_BOUNDARY;
      case 'B' -> Assertion.Kind.NOT_WORD_BOUNDARY;
      default -> null;
    };
    if (kind != null) {
      pos += 2;
      parts.add(new Assertion(kind));
    } else if (e == 'C') {
      throw new BadRegex(); // "any byte" is not supported by RE2
    } else if (e == 'Q') {
      quoted(parts);
    } else if (e == 'p' || e == 'P') {
      parts.add(new RegexNode.Class(CharClass.of(unicodeClass())));
    } else if (NamedClasses.perl(e).isPresent()) {
      pos += 2;
      parts.add(new RegexNode.Class(CharClass.of(NamedClasses.perl(e).get())));
    } else {
      parts.add(new RegexNode.Literal(escape()));
    }
  }

  /** {@code \Q...\E}: everything up to {@code \E} (or the end) is literal. */
  private void quoted(List<RegexNode> parts) {
    pos += 2;
    while (pos < s.length && !(s[pos] == '\\' && pos + 1 < s.length && s[pos + 1] == 'E')) {
      parts.add(new RegexNode.Literal(s[pos++]));
    }
    if (pos < s.length) pos += 2;
  }

  private CharClass bracket() {
    pos++; // [
    boolean negated = pos < s.length && s[pos] == '^';
    if (negated) pos++;
    CharClass.Builder b = CharClass.builder();
    boolean first = true; // a leading ] is a member
    while (pos >= s.length || s[pos] != ']' || first) {
      first = false;
      if (posixClass(b) || escapedClass(b)) continue;
      int lo = classChar();
      int hi = lo;
      if (s.length - pos >= 2 && s[pos] == '-' && s[pos + 1] != ']') {
        pos++;
        hi = classChar();
        if (hi < lo) throw new BadRegex();
      }
      b.addRange(lo, hi);
    }
    pos++; // ]
    return b.build(negated);
  }

  /** {@code [:name:]} inside brackets; RE2 looks for the closing {@code :]} anywhere ahead. */
  private boolean posixClass(CharClass.Builder b) {
    if (s.length - pos <= 2 || s[pos] != '[' || s[pos + 1] != ':') return false;
    for (int i = pos + 2; i + 1 < s.length; i++) {
      if (s[i] == ':' && s[i + 1] == ']') {
        String name = new String(s, pos + 2, i - pos - 2);
        b.addNamed(NamedClasses.posix(name).orElseThrow(BadRegex::new));
        pos = i + 2;
        return true;
      }
    }
    return false;
  }

  private boolean escapedClass(CharClass.Builder b) {
    if (pos + 1 >= s.length || s[pos] != '\\') return false;
    int e = s[pos + 1];
    if (e == 'p' || e == 'P') {
      b.addNamed(unicodeClass());
      return true;
    }
    Optional<IntPredicate> perl = NamedClasses.perl(e);
    perl.ifPresent(p -> {
      b.addNamed(p);
      pos += 2;
    });
    return perl.isPresent();
  }

  /** {@code \pL}, {@code \PL}, {@code \p{^L}}; {@code pos} is at the backslash. */
  private IntPredicate unicodeClass() {
    boolean negate = s[pos + 1] == 'P';
    pos += 2;
    String name;
    if (pos < s.length && s[pos] == '{') {
      int end = pos;
      while (end < s.length && s[end] != '}') end++;
      if (end >= s.length) throw new BadRegex();
      name = new String(s, pos + 1, end - pos - 1);
      pos = end + 1;
    } else {
      name = pos < s.length ? new String(s, pos++, 1) : "";
    }
    if (name.startsWith("^")) {
      negate = !negate;
      name = name.substring(1);
    }
    IntPredicate p = NamedClasses.unicode(name).orElseThrow(BadRegex::new);
    return negate ? p.negate() : p;
  }

  private int classChar() {
    if (pos >= s.length) throw new BadRegex(); // missing ]
    return s[pos] == '\\' ? escape() : s[pos++];
  }

  /** RE2's {@code parseEscape}: one escaped code point; {@code pos} is at the backslash. */
  private int escape() {
    pos++;
    if (pos >= s.length) throw new BadRegex();
    int c = s[pos++];
    if (c < 0x80 && !Character.isLetterOrDigit(c)) return c; // escaped punctuation is itself
    switch (c) {
      case '1', '2', '3', '4', '5', '6', '7' -> {
        if (!isOctal(pos)) throw new BadRegex(); // a back-reference: unsupported
        return octal(c);
      }
      case '0' -> { return octal(c); }
      case 'x' -> { return hex(); }
      case 'a' -> { return 7; }
      case 'f' -> { return '\f'; }
      case 'n' -> { return '\n'; }
      case 'r' -> { return '\r'; }
      case 't' -> { return '\t'; }
      case 'v' -> { return 0x0B; }
      default -> throw new BadRegex();
    }
  }

  private boolean isOctal(int i) {
    return i < s.length && s[i] >= '0' && s[i] <= '7';
  }

  private int octal(int first) {
    int r = first - '0';
    for (int i = 1; i < 3 && isOctal(pos); i++) r = r * 8 + s[pos++] - '0';
    return r;
  }

  private int hex() {
    if (pos >= s.length) throw new BadRegex();
    int c = s[pos++];
    if (c == '{') {
      int r = 0;
      int digits = 0;
      while (true) {
        if (pos >= s.length) throw new BadRegex();
        int d = s[pos++];
        if (d == '}') break;
        int v = Character.digit(d, 16);
        if (v < 0 || d > 0x7F) throw new BadRegex();
        r = r * 16 + v;
        if (r > Character.MAX_CODE_POINT) throw new BadRegex();
        digits++;
      }
      if (digits == 0) throw new BadRegex();
      return r;
    }
    int x = c > 0x7F ? -1 : Character.digit(c, 16);
    int y = pos < s.length && s[pos] <= 0x7F ? Character.digit(s[pos++], 16) : -1;
    if (x < 0 || y < 0) throw new BadRegex();
    return x * 16 + y;
  }

  /** Thrown inside the parser for any syntax error; never escapes {@link #parse}. */
  private static final class BadRegex extends RuntimeException {
    BadRegex() {
      super(null, null, false, false);
    }
  }
}

package dev.lade.runner.seccomp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The syscall numbers of one architecture, for compiling seccomp filters.
 *
 * @param auditArch the architecture's {@code AUDIT_ARCH_*} value, which the kernel hands the filter
 * @param numbers syscall name to number
 */
public record SyscallTable(int auditArch, Map<String, Integer> numbers) {

  /** AUDIT_ARCH_X86_64: EM_X86_64 (62) | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE. */
  static final int AUDIT_ARCH_X86_64 = 0xC000003E;

  public SyscallTable {
    numbers = Map.copyOf(numbers);
  }

  /** The table of the architecture lade runs on, or empty when lade has none for it. */
  public static Optional<SyscallTable> host() {
    return Host.TABLE;
  }

  /** Read once: every container and RUN step of a build needs it. */
  private static final class Host {
    static final Optional<SyscallTable> TABLE = forArch(System.getProperty("os.arch"));
  }

  /** The table of {@code arch} (as Java's {@code os.arch}), or empty when lade has none for it. */
  public static Optional<SyscallTable> forArch(String arch) {
    return switch (arch) {
      case "amd64", "x86_64" -> Optional.of(new SyscallTable(AUDIT_ARCH_X86_64, load("syscalls-x86_64.txt")));
      default -> Optional.empty();
    };
  }

  /** The number of {@code name}, or empty when the architecture has no such syscall. */
  public OptionalInt number(String name) {
    Integer number = numbers.get(name);
    return number == null ? OptionalInt.empty() : OptionalInt.of(number);
  }

  /** The highest syscall number the table knows; newer syscalls are beyond it. */
  public int highest() {
    return numbers.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
  }

  /** Lines of "name number"; split by hand, as a regular expression per line costs milliseconds at start-up. */
  private static Map<String, Integer> load(String resource) {
    Map<String, Integer> numbers = new HashMap<>();
    try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("syscall table " + resource + " missing from lade's jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String entry = line.strip();
        int space = entry.indexOf(' ');
        if (!entry.isEmpty() && !entry.startsWith("#") && space > 0) {
          numbers.put(entry.substring(0, space), Integer.parseInt(entry.substring(space + 1).strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read syscall table " + resource, e);
    }
    return numbers;
  }
}

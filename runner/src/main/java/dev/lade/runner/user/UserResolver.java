package dev.lade.runner.user;

import dev.lade.runner.user.IdFiles.GroupEntry;
import dev.lade.runner.user.IdFiles.PasswdEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a USER ({@code name}, {@code uid}, {@code user:group}, {@code uid:gid}, empty for root) against an
 * image's /etc/passwd and /etc/group as Docker does (runc's GetExecUser):
 *
 * <ul>
 *   <li>a name must be in passwd; a number need not be (then the group is 0 and home {@code /});
 *   <li>a user found in passwd gets its primary group and home from there;
 *   <li>an explicit group (name or number) replaces the primary group and brings no supplementary groups;
 *       a name must be in group;
 *   <li>without an explicit group, every group listing the user's name is a supplementary group.
 * </ul>
 */
public final class UserResolver {

  private UserResolver() {}

  /** Resolves {@code user} against the files of the root filesystem at {@code rootfs}. */
  public static ExecUser resolve(Path rootfs, String user) throws UnknownUserException, IOException {
    return resolve(user, lines(rootfs, "/etc/passwd"), lines(rootfs, "/etc/group"));
  }

  /** Resolves {@code user} against passwd and group file contents (empty when the image has none). */
  public static ExecUser resolve(String user, List<String> passwdLines, List<String> groupLines)
      throws UnknownUserException {
    int colon = user.indexOf(':');
    String userArg = colon < 0 ? user : user.substring(0, colon);
    String groupArg = colon < 0 ? "" : user.substring(colon + 1);
    Integer uidArg = IdFiles.id(userArg);
    List<PasswdEntry> passwd = IdFiles.passwd(passwdLines);
    Optional<PasswdEntry> match = passwd.stream().filter(entry -> userArg.isEmpty() ? entry.uid() == 0
        : uidArg != null ? entry.uid() == uidArg : entry.name().equals(userArg)).findFirst();

    int uid;
    int gid = 0;
    String home = "/";
    if (match.isPresent()) {
      uid = match.get().uid();
      gid = match.get().gid();
      home = match.get().home();
    } else if (userArg.isEmpty()) {
      uid = 0;
    } else if (uidArg != null) {
      uid = uidArg;
    } else {
      throw new UnknownUserException("unable to find user " + userArg + ": no matching entries in passwd file");
    }

    List<GroupEntry> groups = IdFiles.group(groupLines);
    if (!groupArg.isEmpty()) {
      Integer gidArg = IdFiles.id(groupArg);
      Optional<GroupEntry> group = groups.stream()
          .filter(entry -> gidArg != null ? entry.gid() == gidArg : entry.name().equals(groupArg)).findFirst();
      if (group.isEmpty() && gidArg == null) {
        throw new UnknownUserException("unable to find group " + groupArg + ": no matching entries in group file");
      }
      return new ExecUser(uid, group.map(GroupEntry::gid).orElse(gidArg), List.of(), home);
    }
    String name = match.map(PasswdEntry::name).orElse(null);
    List<Integer> supplementary = name == null ? List.of()
        : groups.stream().filter(entry -> entry.members().contains(name)).map(GroupEntry::gid).toList();
    return new ExecUser(uid, gid, supplementary, home);
  }

  /** The lines of {@code path} inside the rootfs, symlinks resolved within it; none when absent. */
  private static List<String> lines(Path rootfs, String path) throws IOException {
    Optional<Path> file = RootfsPath.resolve(rootfs, path);
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return List.of();
    }
    return Files.readAllLines(file.get(), StandardCharsets.UTF_8);
  }
}

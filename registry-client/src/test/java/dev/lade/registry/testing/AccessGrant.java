package dev.lade.registry.testing;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a {@link TokenPolicy} lets a subject do: {@code actions} on resources of {@code type} whose
 * whole name matches {@code name}. The action {@code *} stands for every action.
 *
 * @param subject a user name, or {@link TokenPolicy#ANONYMOUS} for everyone
 */
public record AccessGrant(String subject, String type, Pattern name, Set<String> actions) {

  public AccessGrant {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    actions = Set.copyOf(actions);
  }

  /**
   * Whether this grant lets {@code who} do {@code action} on the resource {@code type:resource}.
   */
  boolean permits(String who, String resourceType, String resource, String action) {
    return (subject.equals(TokenPolicy.ANONYMOUS) || subject.equals(who))
        && type.equals(resourceType)
        && name.matcher(resource).matches()
        && (actions.contains("*") || actions.contains(action));
  }
}

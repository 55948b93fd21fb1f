package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoQuote;
import java.util.Arrays;

/** The keys of one {@code --mount} as {@link MountParser} reads them, checked, then typed. */
final class MountFields {
  String type = "bind";
  String from = "";
  String source = "";
  String target = "";
  boolean readOnly;
  boolean readOnlyGiven;
  boolean required;
  long size;
  String id = "";
  Mount.Sharing sharing;
  String env;
  Long mode;
  Long uid;
  Long gid;

  void setReadOnly(boolean value) {
    readOnly = value;
    readOnlyGiven = true;
  }

  /** A field without {@code =}: only the boolean keys may be written so. */
  void flag(String key, String field) {
    switch (key) {
      case "readonly", "ro" -> setReadOnly(true);
      case "readwrite", "rw" -> setReadOnly(false);
      case "required" -> {
        requireType(key, "secret", "ssh");
        required = true;
      }
      default -> throw new InvalidInstructionException(
          "invalid field '" + field + "' must be a key=value pair");
    }
  }

  /** Keys that only make sense for some types; BuildKit checks them against the type so far. */
  void requireType(String key, String... types) {
    if (!Arrays.asList(types).contains(type)) {
      throw new InvalidInstructionException(
          "unexpected key '" + key + "' for mount type '" + type + "'");
    }
  }

  /** BuildKit's checks once all keys are read, plus its run-time checks that need no variables. */
  void validate() {
    boolean fileInfoAllowed = type.equals("secret") || type.equals("ssh") || type.equals("cache");
    if (!fileInfoAllowed) {
      if (mode != null) throw notAllowed("mode");
      if (uid != null) throw notAllowed("uid");
      if (gid != null) throw notAllowed("gid");
    }
    if (!readOnlyGiven) readOnly = !(type.equals("cache") || type.equals("tmpfs"));
    if (type.equals("secret")) validateSecret();
    if (sharing != null && !type.equals("cache")) {
      throw new InvalidInstructionException("invalid cache sharing set for " + type + " mount");
    }
    if (type.equals("ssh") && !source.isEmpty()) {
      throw new InvalidInstructionException("ssh does not support source");
    }
    boolean filesystem = type.equals("bind") || type.equals("cache") || type.equals("tmpfs");
    if (filesystem && target.startsWith("/") && GoPath.clean(target).equals("/")) {
      throw new InvalidInstructionException("invalid mount target " + GoQuote.quote("/"));
    }
  }

  private void validateSecret() {
    if (!from.isEmpty()) throw new InvalidInstructionException("secret mount should not have a from");
    if (sharing != null) throw new InvalidInstructionException("secret mount should not define sharing");
    if (source.isEmpty() && target.isEmpty() && id.isEmpty()) {
      throw new InvalidInstructionException("invalid secret mount. one of source, target required");
    }
    if (!source.isEmpty() && !id.isEmpty()) {
      throw new InvalidInstructionException("both source and id can't be set");
    }
  }

  private InvalidInstructionException notAllowed(String what) {
    return new InvalidInstructionException(what + " not allowed for " + GoQuote.quote(type) + " type mounts");
  }

  Mount toMount(int sshIndex) {
    return switch (type) {
      case "bind" -> new Mount.Bind(target, source, MountParser.nonEmpty(from), readOnly);
      case "cache" -> new Mount.Cache(target, id.isEmpty() ? GoPath.clean(target) : id,
          sharing == null ? Mount.Sharing.SHARED : sharing, MountParser.nonEmpty(from), source,
          readOnly, or(mode, 0755), or(uid, 0), or(gid, 0));
      case "tmpfs" -> new Mount.Tmpfs(target, size, readOnly);
      case "secret" -> secret();
      case "ssh" -> new Mount.Ssh(id.isEmpty() ? "default" : id,
          target.isEmpty() ? "/run/buildkit/ssh_agent." + sshIndex : target, required,
          or(mode, 0600), or(uid, 0), or(gid, 0));
      default -> throw new IllegalStateException("mount type " + type);
    };
  }

  /** As BuildKit's {@code dispatchSecret}: the id falls back to the target's base name. */
  private Mount.Secret secret() {
    String secretId = !source.isEmpty() ? source : !id.isEmpty() ? id : GoPath.base(target);
    String path = !target.isEmpty() ? target : env == null ? "/run/secrets/" + GoPath.base(secretId) : null;
    return new Mount.Secret(secretId, java.util.Optional.ofNullable(path),
        java.util.Optional.ofNullable(env), required, or(mode, 0400), or(uid, 0), or(gid, 0));
  }

  private static long or(Long value, long fallback) {
    return value == null ? fallback : value;
  }
}

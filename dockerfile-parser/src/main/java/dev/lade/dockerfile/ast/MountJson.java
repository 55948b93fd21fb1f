package dev.lade.dockerfile.ast;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One {@code --mount} as JSON, keyed by the mount's own option names, defaults filled in:
 *
 * <ul>
 *   <li>bind: {@code type, target, source, from, readonly}
 *   <li>cache: {@code type, target, id, sharing, from, source, readonly, mode, uid, gid}
 *   <li>tmpfs: {@code type, target, size, readonly}
 *   <li>secret: {@code type, id, target, env, required, mode, uid, gid}
 *   <li>ssh: {@code type, id, target, required, mode, uid, gid}
 * </ul>
 *
 * <p>{@code mode} is an octal string such as {@code "0755"}; {@code size} is in bytes.
 */
final class MountJson {
  private MountJson() {}

  static ObjectNode of(Mount mount) {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", mount.type());
    switch (mount) {
      case Mount.Bind b -> o.put("target", b.target()).put("source", b.source())
          .put("from", b.from().orElse(null)).put("readonly", b.readOnly());
      case Mount.Cache c -> owner(o.put("target", c.target()).put("id", c.id())
          .put("sharing", c.sharing().value()).put("from", c.from().orElse(null))
          .put("source", c.source()).put("readonly", c.readOnly()), c.mode(), c.uid(), c.gid());
      case Mount.Tmpfs t -> o.put("target", t.target()).put("size", t.size())
          .put("readonly", t.readOnly());
      case Mount.Secret s -> owner(o.put("id", s.id()).put("target", s.target().orElse(null))
          .put("env", s.env().orElse(null)).put("required", s.required()), s.mode(), s.uid(), s.gid());
      case Mount.Ssh s -> owner(o.put("id", s.id()).put("target", s.target())
          .put("required", s.required()), s.mode(), s.uid(), s.gid());
    }
    return o;
  }

  private static void owner(ObjectNode o, long mode, long uid, long gid) {
    o.put("mode", String.format("%04o", mode)).put("uid", uid).put("gid", gid);
  }
}

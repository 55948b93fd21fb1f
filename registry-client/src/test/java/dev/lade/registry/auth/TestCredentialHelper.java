package dev.lade.registry.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes {@code docker-credential-NAME}, a tiny shell credential helper keeping one entry in
 * {@code stored.json} beside itself, speaking the protocol of docker-credential-helpers.
 */
public final class TestCredentialHelper {
  private TestCredentialHelper() {}

  /** Installs the helper as {@code directory/docker-credential-NAME}. */
  public static Path install(Path directory, String name) throws IOException {
    Path script = directory.resolve("docker-credential-" + name);
    Files.writeString(script, """
        #!/bin/sh
        dir=$(dirname "$0")
        input=$(cat)
        case "$1" in
          get)
            if [ -f "$dir/stored.json" ] && grep -q "\\"ServerURL\\":\\"$input\\"" "$dir/stored.json"; then
              cat "$dir/stored.json"
            else
              echo "credentials not found in native keychain"; exit 1
            fi ;;
          store) printf '%s' "$input" > "$dir/stored.json" ;;
          erase) rm -f "$dir/stored.json" ;;
          *) echo "unknown action $1"; exit 1 ;;
        esac
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  /** Stores one entry in the helper, as its {@code store} action would. */
  public static void seed(Path directory, String serverUrl, String username, String secret) throws IOException {
    Files.writeString(directory.resolve("stored.json"),
        "{\"ServerURL\":\"" + serverUrl + "\",\"Username\":\"" + username + "\",\"Secret\":\"" + secret + "\"}");
  }
}

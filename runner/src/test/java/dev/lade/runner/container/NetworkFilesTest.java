package dev.lade.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.Namespace;
import dev.lade.runner.spec.RuntimeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files as dockerd 20.10 writes them (docker run --network none|host, --read-only, -v over /etc/hosts). */
class NetworkFilesTest {

  @TempDir Path dir;
  Path hostHosts;
  Path hostResolvConf;
  RuntimeSpec spec;

  /** The entries dockerd 20.10 writes first in a container's /etc/hosts (libnetwork's etchosts). */
  private static final String DOCKER_HOSTS = """
        127.0.0.1\tlocalhost
        ::1\tlocalhost ip6-localhost ip6-loopback
        fe00::0\tip6-localnet
        ff00::0\tip6-mcastprefix
        ff02::1\tip6-allnodes
        ff02::2\tip6-allrouters
        """;

  @BeforeEach
  void host() throws Exception {
    hostHosts = Files.writeString(dir.resolve("host-hosts"), "127.0.0.1 localhost\n127.0.0.1 vm\n");
    hostResolvConf = Files.writeString(dir.resolve("host-resolv.conf"), "nameserver 10.255.255.53\n");
    spec = DockerDefaults.spec("/rootfs", "c1", List.of("true")).withHostname("myhost");
  }

  @Test
  void defaultNetworkGetsDockersHostsWithTheHostNameAndTheHostsNameServers() throws Exception {
    RuntimeSpec withFiles = NetworkFiles.addTo(spec, NetworkMode.DEFAULT, dir, hostHosts, hostResolvConf);
    assertEquals(List.of(
        Mount.bind(dir.resolve("resolv.conf").toString(), "/etc/resolv.conf", false),
        Mount.bind(dir.resolve("hostname").toString(), "/etc/hostname", false),
        Mount.bind(dir.resolve("hosts").toString(), "/etc/hosts", false)),
        withFiles.mounts().subList(spec.mounts().size(), withFiles.mounts().size()));
    assertEquals("myhost\n", Files.readString(dir.resolve("hostname")));
    assertEquals(DOCKER_HOSTS + "127.0.0.1\tmyhost\n", Files.readString(dir.resolve("hosts")));
    assertEquals("nameserver 10.255.255.53\n", Files.readString(dir.resolve("resolv.conf")));
  }

  @Test
  void networkNoneGetsDockersHostsWithoutTheHostName() throws Exception {
    // As dockerd 20.10's docker run --network none --hostname myhost: libnetwork has no address for the name.
    NetworkFiles.addTo(spec, NetworkMode.NONE, dir, hostHosts, hostResolvConf);
    assertEquals(DOCKER_HOSTS, Files.readString(dir.resolve("hosts")));
    assertEquals("myhost\n", Files.readString(dir.resolve("hostname")), "its name is still its own");
    assertEquals("nameserver 10.255.255.53\n", Files.readString(dir.resolve("resolv.conf")));
  }

  @Test
  void hostNetworkGetsTheHostsFiles() throws Exception {
    Files.writeString(hostResolvConf, "nameserver 127.0.0.53\n");
    EnumSet<Namespace> namespaces = EnumSet.copyOf(spec.linux().namespaces());
    namespaces.remove(Namespace.NETWORK);
    NetworkFiles.addTo(spec.withLinux(spec.linux().withNamespaces(namespaces)), NetworkMode.HOST, dir, hostHosts,
        hostResolvConf);
    assertEquals("127.0.0.1 localhost\n127.0.0.1 vm\n", Files.readString(dir.resolve("hosts")));
    assertEquals("nameserver 127.0.0.53\n", Files.readString(dir.resolve("resolv.conf")), "loopback kept");
    assertEquals("myhost\n", Files.readString(dir.resolve("hostname")));
  }

  @Test
  void readOnlyRootMountsThemReadOnly() throws Exception {
    RuntimeSpec withFiles = NetworkFiles.addTo(spec.withRootReadonly(true), NetworkMode.DEFAULT, dir, hostHosts,
        hostResolvConf);
    assertEquals(List.of(List.of("rbind", "ro")), withFiles.mounts().stream()
        .filter(mount -> mount.destination().startsWith("/etc/")).map(Mount::options).distinct().toList());
  }

  @Test
  void theUsersOwnMountWins() throws Exception {
    Mount own = Mount.bind("/srv/hosts", "/etc/hosts", true);
    RuntimeSpec withFiles = NetworkFiles.addTo(spec.withExtraMounts(List.of(own)), NetworkMode.DEFAULT, dir, hostHosts,
        hostResolvConf);
    assertEquals(List.of(own), withFiles.mounts().stream().filter(m -> m.destination().equals("/etc/hosts")).toList());
    assertEquals(false, Files.exists(dir.resolve("hosts")));
  }
}

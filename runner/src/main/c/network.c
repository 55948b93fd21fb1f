/*
 * lade run -p: slirp4netns gives the container's network namespace a tap device
 * routed to the host's network in user space, and forwards the published host ports
 * into it (added through its API socket). The container's command starts only once
 * the ports are forwarded: the child waits on a pipe until the parent says so.
 */
#define _GNU_SOURCE
#include "launcher.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static int go_pipe[2] = {-1, -1}; /* parent -> child: the network is ready */

void prepare_network(const struct config *config) {
  if (config->npublish > 0 && pipe2(go_pipe, O_CLOEXEC) < 0) fail(EXIT_SETUP, "pipe: %s", strerror(errno));
}

void await_network(const struct config *config) {
  if (config->npublish == 0) return;
  close(go_pipe[1]);
  char byte;
  ssize_t n;
  while ((n = read(go_pipe[0], &byte, 1)) < 0 && errno == EINTR) {}
  if (n != 1) fail(EXIT_SETUP, "the container's network could not be set up");
  close(go_pipe[0]);
}

/* One API request; fails unless slirp4netns answers with a "return". */
static void api_request(const char *socket_path, const char *request) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  snprintf(address.sun_path, sizeof address.sun_path, "%s", socket_path);
  if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) < 0)
    fail(EXIT_SETUP, "cannot reach slirp4netns at %s: %s", socket_path, strerror(errno));
  if (write(fd, request, strlen(request)) < 0 || shutdown(fd, SHUT_WR) < 0)
    fail(EXIT_SETUP, "slirp4netns: %s", strerror(errno));
  char reply[512] = {0};
  ssize_t length = 0, n;
  while (length < (ssize_t)sizeof reply - 1 && (n = read(fd, reply + length, sizeof reply - 1 - length)) > 0)
    length += n;
  close(fd);
  if (!strstr(reply, "\"return\"")) {
    const char *why = strstr(reply, "\"desc\":");
    fail(EXIT_SETUP, "cannot publish a port: %s", why ? why + 7 : reply);
  }
}

static void spawn(pid_t container, const struct config *config, int ready_write, int exit_read) {
  char pid[16], ready[16], exit_fd[16];
  snprintf(pid, sizeof pid, "%d", (int)container);
  snprintf(ready, sizeof ready, "%d", ready_write);
  snprintf(exit_fd, sizeof exit_fd, "%d", exit_read);
  /* Its chatter is not the container's output; only a failure to start it is worth a line. */
  int err = fcntl(2, F_DUPFD_CLOEXEC, 3);
  int devnull = open("/dev/null", O_RDWR);
  if (devnull >= 0) { dup2(devnull, 0); dup2(devnull, 1); dup2(devnull, 2); }
  execlp("slirp4netns", "slirp4netns", "--configure", "--mtu=65520", "--disable-host-loopback",
         "--api-socket", config->net_socket, "--ready-fd", ready, "--exit-fd", exit_fd, pid, "tap0", (char *)NULL);
  dprintf(err, "lade-launch: cannot run slirp4netns for -p: %s (install the slirp4netns package)\n",
          strerror(errno));
  _exit(EXIT_SETUP);
}

pid_t start_network(pid_t container, const struct config *config) {
  if (config->npublish == 0) return 0;
  int ready[2], exit_pipe[2];
  if (pipe(ready) < 0 || pipe2(exit_pipe, O_CLOEXEC) < 0) fail(EXIT_SETUP, "pipe: %s", strerror(errno));
  unlink(config->net_socket);
  pid_t helper = fork();
  if (helper < 0) fail(EXIT_SETUP, "fork: %s", strerror(errno));
  if (helper == 0) {
    close(ready[0]);
    close(go_pipe[0]);
    close(go_pipe[1]);
    /* slirp4netns quits when the write end closes: when this launcher dies, however it dies. */
    int exit_read = dup(exit_pipe[0]);
    spawn(container, config, ready[1], exit_read);
  }
  close(ready[1]);
  close(exit_pipe[0]); /* the write end stays open, close-on-exec, for as long as this process lives */
  char byte;
  ssize_t n;
  while ((n = read(ready[0], &byte, 1)) < 0 && errno == EINTR) {}
  close(ready[0]);
  if (n != 1) fail(EXIT_SETUP, "slirp4netns did not start (is the package installed, and /dev/net/tun usable by this user?)");
  for (int i = 0; i < config->npublish; i++) {
    char request[256];
    snprintf(request, sizeof request,
             "{\"execute\":\"add_hostfwd\",\"arguments\":{\"proto\":\"%s\",\"host_addr\":\"%s\","
             "\"host_port\":%d,\"guest_port\":%d}}",
             config->publish[i].proto, config->publish[i].host_ip, config->publish[i].host_port,
             config->publish[i].container_port);
    api_request(config->net_socket, request);
  }
  if (write(go_pipe[1], "", 1) < 0) fail(EXIT_SETUP, "cannot start the container: %s", strerror(errno));
  close(go_pipe[1]);
  close(go_pipe[0]);
  return helper;
}

void stop_network(pid_t helper, const struct config *config) {
  if (helper <= 0) return;
  kill(helper, SIGTERM);
  while (waitpid(helper, NULL, 0) < 0 && errno == EINTR) {}
  unlink(config->net_socket);
}

/*
 * lade exec: run a command in a running container. The launcher joins the container's
 * cgroup, enters its namespaces through /proc/PID/ns (the mount namespace last: it
 * changes what paths mean), then forks, for a new PID namespace applies to children
 * only. The child takes the container process's last steps (limits, capabilities,
 * user, working directory, exec); the parent forwards signals and exits with its status.
 */
#define _GNU_SOURCE
#include "launcher.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* In the order runc's nsexec enters them: the user namespace first grants the rights for the rest. */
static const char *const NAMESPACES[] = {"user", "ipc", "uts", "net", "pid", "cgroup", "mnt"};
#define NNAMESPACES (sizeof NAMESPACES / sizeof *NAMESPACES)

/* The container's namespace, or -1 when it is this process's own (setns into the own user ns fails). */
static int open_namespace(pid_t pid, const char *name) {
  char path[64], own[64];
  snprintf(path, sizeof path, "/proc/%d/ns/%s", (int)pid, name);
  snprintf(own, sizeof own, "/proc/self/ns/%s", name);
  struct stat theirs, ours;
  if (stat(path, &theirs) < 0) fail(EXIT_SETUP, "the container is not running (%s: %s)", path, strerror(errno));
  if (stat(own, &ours) == 0 && theirs.st_ino == ours.st_ino && theirs.st_dev == ours.st_dev) return -1;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(EXIT_SETUP, "cannot open %s: %s", path, strerror(errno));
  return fd;
}

int join_container(const struct config *config) {
  tty_prepare(config);
  int fds[NNAMESPACES];
  for (size_t i = 0; i < NNAMESPACES; i++) fds[i] = open_namespace(config->join_pid, NAMESPACES[i]);
  for (int i = 0; i < config->ncgroups; i++) write_file(config->cgroup_procs[i], "0");
  for (size_t i = 0; i < NNAMESPACES; i++) {
    if (fds[i] >= 0 && setns(fds[i], 0) < 0)
      fail(EXIT_SETUP, "cannot enter the container's %s namespace: %s", NAMESPACES[i], strerror(errno));
    if (fds[i] >= 0) close(fds[i]);
  }

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) < 0) fail(EXIT_SETUP, "pipe: %s", strerror(errno));
  pid_t pid = fork();
  if (pid < 0) fail(EXIT_SETUP, "fork: %s", strerror(errno));
  if (pid == 0) {
    close(pipe_fds[0]);
    error_pipe = pipe_fds[1];
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    become_container_process(config);
  }
  forward_signals_to(pid);
  close(pipe_fds[1]);
  char message[1024];
  ssize_t length = 0, n;
  while ((n = read(pipe_fds[0], message + length, sizeof message - 1 - length)) > 0) length += n;
  if (length <= 4) tty_relay();
  int status;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) fail(EXIT_SETUP, "waitpid: %s", strerror(errno));
  }
  if (length > 4) return report(message, (size_t)length);
  return exit_status(status);
}

/*
 * Containers lade keeps (lade run, lade ps). The launcher records the start and the
 * exit as small JSON files (written whole, then renamed, so a reader never sees half
 * of one). Detached (lade run -d), the process lade starts forks a supervisor in a
 * session of its own and exits once the container's command runs (or failed to), so
 * lade returns and no JVM stays behind; the supervisor then removes the container's
 * cgroup when it exited and runs the "onexit" command (lade's removal for --rm).
 * In the foreground the launcher stays lade's child and exits with the container's code.
 */
#define _GNU_SOURCE
#include "launcher.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int start_pipe = -1; /* supervisor -> the process lade started: the launch's exit code */

/* Forks the supervisor; the original process only relays how the start went, as its exit code. */
void become_supervisor(void) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0) fail(EXIT_SETUP, "pipe: %s", strerror(errno));
  pid_t supervisor = fork();
  if (supervisor < 0) fail(EXIT_SETUP, "fork: %s", strerror(errno));
  if (supervisor > 0) {
    close(fds[1]);
    unsigned char code;
    ssize_t n;
    while ((n = read(fds[0], &code, 1)) < 0 && errno == EINTR) {}
    _exit(n == 1 ? code : EXIT_SETUP);
  }
  close(fds[0]);
  start_pipe = fds[1];
  if (setsid() < 0) fail(EXIT_SETUP, "setsid: %s", strerror(errno));
  if (chdir("/") < 0) fail(EXIT_SETUP, "chdir /: %s", strerror(errno)); /* hold no directory of lade's busy */
}

void report_start(int code) {
  unsigned char byte = (unsigned char)code;
  if (start_pipe < 0) return;
  if (write(start_pipe, &byte, 1) < 0) { /* lade is gone: the records tell the story */ }
  close(start_pipe);
  start_pipe = -1;
}

/* RFC 3339 with nanoseconds in UTC, as docker's timestamps. */
static void now(char *out, size_t size) {
  struct timespec ts;
  struct tm tm;
  clock_gettime(CLOCK_REALTIME, &ts);
  gmtime_r(&ts.tv_sec, &tm);
  size_t n = strftime(out, size, "%Y-%m-%dT%H:%M:%S", &tm);
  snprintf(out + n, size - n, ".%09ldZ", ts.tv_nsec);
}

/* Writes a record next to its final name, then renames it there. A detached container's records are
   synced first, as they outlive lade; a foreground container lives no longer than its lade, so its
   start and exit wait for no journal commit (a few milliseconds each). */
static void write_record(const char *path, const char *json, int durable) {
  char temp[4096];
  snprintf(temp, sizeof temp, "%s.tmp", path);
  int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  ssize_t written = write(fd, json, strlen(json));
  if (written == (ssize_t)strlen(json) && (!durable || fsync(fd) == 0) && close(fd) == 0) {
    rename(temp, path);
  } else {
    close(fd);
    unlink(temp);
  }
}

/* The cgroup of an exited container; its processes may take a moment to leave it. */
static void remove_cgroups(const struct config *config) {
  for (int i = 0; i < config->ncgroups; i++) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", config->cgroup_procs[i]);
    char *parent = dirname(dir);
    for (int attempt = 0; attempt < 100 && rmdir(parent) < 0 && errno == EBUSY; attempt++) usleep(10000);
  }
}

/* A stopped container's files stay (in the overlay's upper directory) but not its mount, as docker's. Rootless,
   lade mounted nothing here: the launcher's own root mount went with the container's mount namespace. */
void release_rootfs(const struct config *config) {
  if (config->root_type || config->uid_map) return;
  if (config->started_file && config->rootfs && umount2(config->rootfs, MNT_DETACH) < 0 && errno != EINVAL) {
    fprintf(stderr, "lade-launch: cannot unmount %s: %s\n", config->rootfs, strerror(errno));
  }
}

void supervise(pid_t container, pid_t network, const struct config *config) {
  char json[256], time[64];
  now(time, sizeof time);
  snprintf(json, sizeof json, "{\"Pid\":%d,\"Supervisor\":%d,\"StartedAt\":\"%s\"}\n", (int)container,
           (int)getpid(), time);
  write_record(config->started_file, json, config->detach);
  report_start(0);
  tty_relay(); /* into the log, until the container closes the terminal */
  int status;
  while (waitpid(container, &status, 0) < 0) {
    if (errno != EINTR) { status = EXIT_SETUP << 8; break; }
  }
  now(time, sizeof time);
  snprintf(json, sizeof json, "{\"ExitCode\":%d,\"FinishedAt\":\"%s\"}\n", exit_status(status), time);
  stop_network(network, config);
  write_record(config->exited_file, json, config->detach);
  release_rootfs(config);
  if (!config->detach) _exit(exit_status(status)); /* lade removes the cgroup, after it looked for an OOM kill */
  remove_cgroups(config);
  if (config->nonexit > 0) {
    execv(config->onexit[0], (char *const *)config->onexit);
    fprintf(stderr, "lade-launch: cannot run %s: %s\n", config->onexit[0], strerror(errno));
  }
  _exit(0);
}

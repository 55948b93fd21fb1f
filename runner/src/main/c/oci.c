/*
 * lade-launch --oci PID-FILE CONSOLE-SOCKET -- CREATE-COMMAND... -- START-COMMAND...
 *
 * runc or crun, run as containerd's shim runs them: "RUNTIME create" (with --pid-file PID-FILE
 * and, for a terminal, --console-socket CONSOLE-SOCKET; "" for none), then "RUNTIME start", this
 * process a subreaper that the container's process falls to when the runtime exits. So the
 * container's cgroup stays until lade deletes it (and tells an OOM kill from it), and the terminal
 * comes from the container's devpts: its master end arrives on the console socket during create,
 * gets lade's window size before start lets the command run, and is relayed as the native
 * launcher's. The runtime's own error line does not double lade's: its standard error is held
 * until it exits, and dropped when it failed (its log says why).
 *
 * Exits with the container's status, or with the runtime's when it failed.
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
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define HELD_MAX (64 * 1024)

static int listen_on(const char *path) {
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  if (strlen(path) >= sizeof address.sun_path) fail(EXIT_SETUP, "console socket path too long: %s", path);
  strcpy(address.sun_path, path);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || bind(fd, (struct sockaddr *)&address, sizeof address) < 0 || listen(fd, 1) < 0)
    fail(EXIT_SETUP, "cannot listen on %s: %s", path, strerror(errno));
  return fd;
}

static pid_t start_runtime(char **argv, int err_fd) {
  pid_t pid = fork();
  if (pid < 0) fail(EXIT_SETUP, "fork: %s", strerror(errno));
  if (pid == 0) {
    if (dup2(err_fd, 2) < 0) _exit(EXIT_SETUP);
    execvp(argv[0], argv);
    fprintf(stderr, "lade-launch: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(EXIT_SETUP);
  }
  return pid;
}

/* Until the runtime exits: takes the terminal's master from the console socket, holds its standard error. */
static int await_runtime(pid_t runtime, int listener, int err_fd, int *master, char *held, size_t *nheld) {
  for (;;) {
    int status;
    pid_t done = waitpid(runtime, &status, WNOHANG);
    if (done == runtime) return status;
    if (done < 0 && errno != EINTR) fail(EXIT_SETUP, "waitpid: %s", strerror(errno));
    struct pollfd fds[2] = {{.fd = listener, .events = POLLIN}, {.fd = err_fd, .events = POLLIN}};
    if (poll(fds, 2, 20) <= 0) continue;
    if (fds[0].revents & POLLIN) {
      int connection = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
      if (connection >= 0) {
        *master = tty_receive_fd(connection);
        close(connection);
        if (*master >= 0) tty_use_master(*master); /* its size, before the runtime lets the command start */
      }
    }
    if (fds[1].revents & (POLLIN | POLLHUP)) {
      if (*nheld == HELD_MAX) { write_all(2, held, *nheld); *nheld = 0; } /* a chatty container: let it through */
      ssize_t n = read(err_fd, held + *nheld, HELD_MAX - *nheld);
      if (n > 0) *nheld += (size_t)n;
    }
  }
}

static pid_t read_pid(const char *path) {
  FILE *file = fopen(path, "r");
  long pid = 0;
  if (!file || fscanf(file, "%ld", &pid) != 1 || pid <= 0) fail(EXIT_SETUP, "no container pid in %s", path);
  fclose(file);
  return (pid_t)pid;
}

/* The container's standard error (the runtime's, which it inherited), until it closes it. */
static void relay_errors(int err_fd) {
  while (copy_chunk(err_fd, 2)) {}
}

static int reap(pid_t container) {
  for (;;) {
    int status;
    pid_t pid = wait(&status);
    if (pid == container) return exit_status(status);
    if (pid < 0 && errno != EINTR) fail(EXIT_SETUP, "the container's process is not this one's child: %s", strerror(errno));
  }
}

int oci_command(int argc, char **argv) {
  /* argv: --oci PID-FILE SOCKET -- CREATE... -- START... */
  int second = 5;
  while (second < argc && strcmp(argv[second], "--")) second++;
  if (argc < 7 || strcmp(argv[4], "--") || second >= argc - 1) {
    fprintf(stderr, "usage: lade-launch --oci PID-FILE CONSOLE-SOCKET -- CREATE-COMMAND... -- START-COMMAND...\n");
    return EXIT_SETUP;
  }
  argv[second] = NULL; /* ends the create command */
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* lade died: its next start deletes the container */
  if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0) fail(EXIT_SETUP, "cannot become a subreaper: %s", strerror(errno));
  const char *pid_file = argv[2], *socket_path = argv[3];
  int listener = *socket_path ? listen_on(socket_path) : -1;
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) < 0) fail(EXIT_SETUP, "pipe: %s", strerror(errno));
  forward_signals_to(0); /* a signal for the container waits for it: stopping the runtime half-way helps no one */

  static char held[HELD_MAX];
  size_t nheld = 0;
  int master = -1;
  int status = await_runtime(start_runtime(argv + 5, err_pipe[1]), listener, err_pipe[0], &master, held, &nheld);
  if (listener >= 0) {
    close(listener);
    unlink(socket_path);
  }
  if (exit_status(status) == 0)
    status = await_runtime(start_runtime(argv + second + 1, err_pipe[1]), -1, err_pipe[0], &master, held, &nheld);
  close(err_pipe[1]);
  if (exit_status(status) != 0) return exit_status(status); /* its log says why, in one line */
  write_all(2, held, nheld);

  pid_t container = read_pid(pid_file);
  forward_signals_to(container);
  tty_relay();
  relay_errors(err_pipe[0]);
  return reap(container);
}

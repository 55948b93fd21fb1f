/*
 * -t: the container's standard streams are a pseudo-terminal. The launcher makes it
 * (on the host's devpts), the container process opens its end before its mount
 * namespace hides the host's /dev/pts and makes it its controlling terminal just
 * before exec, and the launcher relays between its own streams and the terminal,
 * with lade's terminal (if any) raw and its window size passed on, also on SIGWINCH.
 */
#define _GNU_SOURCE
#include "launcher.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static int master = -1, slave = -1;
static char slave_path[128];
static struct termios saved;
static int raw;

/* lade's window size to the container's terminal: from the first of its streams that is a terminal, as docker's
   client takes it from its output when the input is not one (run -t without -i). */
static void pass_window_size(void) {
  struct winsize size;
  for (int fd = 0; fd < 3; fd++) {
    if (ioctl(fd, TIOCGWINSZ, &size) == 0) {
      ioctl(master, TIOCSWINSZ, &size);
      return;
    }
  }
}

void tty_create(const struct config *config) {
  if (!config->tty) return;
  master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 || ptsname_r(master, slave_path, sizeof slave_path))
    fail(EXIT_SETUP, "cannot allocate a terminal: %s", strerror(errno));
  pass_window_size();
}

void tty_open_slave(void) {
  if (master < 0) return;
  slave = open(slave_path, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave < 0) fail(EXIT_SETUP, "cannot open the terminal %s: %s", slave_path, strerror(errno));
}

void tty_become_controlling(void) {
  if (slave < 0) return;
  if (setsid() < 0 || ioctl(slave, TIOCSCTTY, 0) < 0) fail(EXIT_SETUP, "cannot take the terminal: %s", strerror(errno));
  for (int fd = 0; fd < 3; fd++)
    if (dup2(slave, fd) < 0) fail(EXIT_SETUP, "dup2: %s", strerror(errno));
  close(slave);
  close(master);
}

static void resize(int signal) {
  (void)signal;
  pass_window_size();
}

static void restore(void) {
  if (raw) tcsetattr(0, TCSADRAIN, &saved);
}

static int copy(int from, int to) {
  char buffer[8192];
  ssize_t n = read(from, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return 1;
  if (n <= 0) return 0;
  for (ssize_t done = 0; done < n;) {
    ssize_t w = write(to, buffer + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return 0;
    done += w;
  }
  return 1;
}

void tty_relay(void) {
  if (master < 0) return;
  if (slave >= 0) close(slave);
  if (tcgetattr(0, &saved) == 0) {
    struct termios settings = saved;
    cfmakeraw(&settings);
    raw = tcsetattr(0, TCSADRAIN, &settings) == 0;
    atexit(restore);
  }
  struct sigaction action = {.sa_handler = resize, .sa_flags = SA_RESTART};
  sigemptyset(&action.sa_mask);
  sigaction(SIGWINCH, &action, NULL);
  struct pollfd fds[2] = {{.fd = master, .events = POLLIN}, {.fd = 0, .events = POLLIN}};
  for (;;) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (!copy(master, 1)) break; /* EIO: the container closed its end */
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (!copy(0, master)) fds[1].fd = -1; /* lade's input ended; the container's output goes on */
    }
  }
  restore();
  raw = 0;
}

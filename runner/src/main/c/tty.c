/*
 * -t: the container's standard streams are a pseudo-terminal of the container's own devpts,
 * as runc's: the container process opens /dev/ptmx once it sees its own /dev (after pivot_root,
 * or setns for exec), takes the terminal's size from lade's, and sends the master end to the
 * launcher over a socket (SCM_RIGHTS); it makes the other end its controlling terminal just
 * before exec. The launcher relays between its own streams and the master, with lade's
 * terminal (if any) raw and its window size passed on, also on SIGWINCH.
 *
 * "lade-launch --oci" (oci.c) receives the master the same way from runc's or crun's
 * --console-socket, and relays it with the same code.
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
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

static int master = -1, slave = -1;
static int channel[2] = {-1, -1}; /* the master's way out of the container: [0] the launcher's, [1] the container's */
static struct termios saved;
static int raw;

/* The window size of the first of lade's streams that is a terminal (as docker's client takes it from its
   output when its input is not one, run -t without -i) to the terminal fd. */
static void pass_window_size(int fd) {
  struct winsize size;
  for (int std = 0; std < 3; std++) {
    if (ioctl(std, TIOCGWINSZ, &size) == 0) {
      ioctl(fd, TIOCSWINSZ, &size);
      return;
    }
  }
}

void tty_prepare(const struct config *config) {
  if (!config->tty) return;
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) < 0)
    fail(EXIT_SETUP, "cannot allocate a terminal: socketpair: %s", strerror(errno));
}

/* Sends fd over socket as SCM_RIGHTS, with one byte of data (a stream needs some). */
int tty_send_fd(int socket, int fd) {
  char byte = 't';
  struct iovec data = {.iov_base = &byte, .iov_len = 1};
  union { struct cmsghdr header; char space[CMSG_SPACE(sizeof(int))]; } control;
  memset(&control, 0, sizeof control);
  struct msghdr message = {.msg_iov = &data, .msg_iovlen = 1, .msg_control = control.space,
                           .msg_controllen = sizeof control.space};
  struct cmsghdr *header = CMSG_FIRSTHDR(&message);
  header->cmsg_level = SOL_SOCKET;
  header->cmsg_type = SCM_RIGHTS;
  header->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(header), &fd, sizeof(int));
  ssize_t n;
  while ((n = sendmsg(socket, &message, MSG_NOSIGNAL)) < 0 && errno == EINTR) {}
  return n == 1 ? 0 : -1;
}

/* The fd sent over socket, or -1 when none came (the sender died first). */
int tty_receive_fd(int socket) {
  char byte;
  struct iovec data = {.iov_base = &byte, .iov_len = 1};
  union { struct cmsghdr header; char space[CMSG_SPACE(sizeof(int))]; } control;
  struct msghdr message = {.msg_iov = &data, .msg_iovlen = 1, .msg_control = control.space,
                           .msg_controllen = sizeof control.space};
  ssize_t n;
  while ((n = recvmsg(socket, &message, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR) {}
  struct cmsghdr *header = n > 0 ? CMSG_FIRSTHDR(&message) : NULL;
  if (!header || header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS) return -1;
  int fd;
  memcpy(&fd, CMSG_DATA(header), sizeof(int));
  return fd;
}

/* The terminal on /dev/console too, as runc gives a container with one (not an exec: the console is the
   container's). /dev is the container's tmpfs here. */
static void bind_console(const char *slave_path) {
  int fd = open("/dev/console", O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) fail(EXIT_SETUP, "cannot create /dev/console: %s", strerror(errno));
  close(fd);
  if (mount(slave_path, "/dev/console", NULL, MS_BIND, NULL) < 0)
    fail(EXIT_SETUP, "cannot bind the terminal on /dev/console: %s", strerror(errno));
}

void tty_allocate(const struct config *config) {
  if (channel[1] < 0) return;
  close(channel[0]);
  master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
  char slave_path[64];
  if (master < 0 || unlockpt(master) < 0 || ptsname_r(master, slave_path, sizeof slave_path))
    fail(EXIT_SETUP, "cannot allocate a terminal in the container's /dev/pts: %s", strerror(errno));
  slave = open(slave_path, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave < 0) fail(EXIT_SETUP, "cannot open the terminal %s: %s", slave_path, strerror(errno));
  pass_window_size(slave); /* before exec, so that the command never sees a terminal without a size */
  /* The user's own terminal, as runc's fixStdioPermissions; an id the user namespace lacks keeps root's. */
  if (fchown(slave, config->uid, -1) < 0 && errno != EINVAL && errno != EPERM)
    fail(EXIT_SETUP, "cannot give the terminal to uid %d: %s", (int)config->uid, strerror(errno));
  if (!config->join_pid) bind_console(slave_path);
  if (tty_send_fd(channel[1], master) < 0) fail(EXIT_SETUP, "cannot pass the terminal on: %s", strerror(errno));
  close(channel[1]);
  close(master);
  master = -1;
}

/* The master the container process sent, if the launcher is to relay one. */
static void tty_receive(void) {
  if (channel[0] < 0) return;
  if (channel[1] >= 0) close(channel[1]);
  master = tty_receive_fd(channel[0]);
  close(channel[0]);
  channel[0] = channel[1] = -1;
}

void tty_use_master(int fd) {
  master = fd;
  pass_window_size(master);
}

void tty_become_controlling(void) {
  if (slave < 0) return;
  if (setsid() < 0 || ioctl(slave, TIOCSCTTY, 0) < 0) fail(EXIT_SETUP, "cannot take the terminal: %s", strerror(errno));
  for (int fd = 0; fd < 3; fd++)
    if (dup2(slave, fd) < 0) fail(EXIT_SETUP, "dup2: %s", strerror(errno));
  close(slave);
}

static void resize(int signal) {
  (void)signal;
  pass_window_size(master);
}

static void restore(void) {
  if (raw) tcsetattr(0, TCSADRAIN, &saved);
}

int write_all(int fd, const char *data, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, data, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    data += n;
    length -= (size_t)n;
  }
  return 0;
}

int copy_chunk(int from, int to) {
  char buffer[8192];
  ssize_t n = read(from, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return 1;
  if (n <= 0) return 0;
  return write_all(to, buffer, (size_t)n) == 0;
}

void tty_relay(void) {
  tty_receive();
  if (master < 0) return;
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
      if (!copy_chunk(master, 1)) break; /* EIO: the container closed its end */
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (!copy_chunk(0, master)) fds[1].fd = -1; /* lade's input ended; the container's output goes on */
    }
  }
  restore();
  raw = 0;
}

/*
 * lade-launch: the native half of lade's container runner.
 *
 * Java decides everything (spec, cgroup, mounts, ids) and writes it to a file as
 * NUL-separated tokens: a key, then a fixed number of values per key (see spec.c).
 * This program only carries the decisions out, in the order they must happen,
 * because a multithreaded JVM cannot enter new namespaces itself.
 */
#ifndef LADE_LAUNCHER_H
#define LADE_LAUNCHER_H

#include <stddef.h>
#include <sys/types.h>

/* Exit codes of the launcher's own failures, as docker run's. */
#define EXIT_SETUP 125   /* lade could not set the container up */
#define EXIT_NOEXEC 126  /* the command exists but cannot be executed */
#define EXIT_NOTFOUND 127 /* the command was not found */

#define MAX_ITEMS 512

/* A setup step done under the new root before pivot_root, in spec order. */
struct op {
  enum { OP_MOUNT, OP_DEVICE, OP_SYMLINK } kind;
  const char *source, *target, *type, *data;
  unsigned long flags;
};

struct config {
  const char *rootfs, *hostname, *cwd, *errfile, *uid_map, *gid_map;
  int clone_flags, rootfs_readonly, no_new_privs, init;
  /* A file system mounted on rootfs instead of binding it (a rootless overlay snapshot, which only a
     user namespace of its own may mount); a missing cwd is then created in it. */
  const char *root_type, *root_data;
  uid_t uid;
  gid_t gid;
  gid_t groups[64];
  int ngroups;
  struct op ops[MAX_ITEMS];
  int nops;
  const char *cgroup_procs[16], *masked[64], *readonly[64];
  int ncgroups, nmasked, nreadonly;
  struct { int resource; unsigned long soft, hard; } rlimits[16];
  int nrlimits;
  int caps[64];
  int ncaps;
  void *seccomp;          /* struct sock_filter[], compiled by Java; NULL for none */
  unsigned short seccomp_len; /* instructions */
  const char *env[MAX_ITEMS + 1], *args[MAX_ITEMS + 1];
  int nenv, nargs;
  /* supervise.c: where the launcher records the start and the exit, and what it runs after; whether it
     detaches from lade (run -d) rather than staying its child (a foreground run). */
  const char *started_file, *exited_file, *onexit[MAX_ITEMS + 1];
  int nonexit, detach;
  /* lade exec (join.c): the host pid of the container whose namespaces the command enters. */
  pid_t join_pid;
  /* -p (network.c): host ports forwarded into the container by slirp4netns, through its API socket. */
  struct publish { const char *proto, *host_ip; int host_port, container_port; } publish[32];
  int npublish;
  const char *net_socket;
  /* -t (tty.c): a pseudo-terminal for the container's standard streams. */
  int tty;
};

/* spec.c */
int read_spec(const char *path, struct config *config);

/* rootfs.c: runs in the child, in its own mount namespace. */
void setup_rootfs(const struct config *config);

/* launcher.c */
void fail(int code, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
/* The last steps of any process lade starts in a container, after its namespaces: limits, privileges, exec. */
void become_container_process(const struct config *config) __attribute__((noreturn));
int exit_status(int status);
int report(const char *message, size_t length);
extern int error_pipe; /* in a container process: where fail() reports to, closed by a successful exec */
void forward_signals_to(pid_t pid); /* 0: hold them until a pid comes */
void write_file(const char *path, const char *content);

/* supervise.c: a detached container's supervisor, which outlives lade. */
void become_supervisor(void);
void supervise(pid_t container, pid_t network, const struct config *config) __attribute__((noreturn));
void report_start(int code);
void release_rootfs(const struct config *config);

/* network.c: -p. prepare before clone; the child awaits, the parent starts, then stops when it exited. */
void prepare_network(const struct config *config);
void await_network(const struct config *config);
pid_t start_network(pid_t container, const struct config *config);
void stop_network(pid_t helper, const struct config *config);

/* tty.c: -t. prepare before clone; the container process allocates it and sends the master, which the
   launcher's relay receives (or oci.c takes from a runtime's console socket, tty_use_master); the container
   process takes the other end. */
void tty_prepare(const struct config *config);
void tty_allocate(const struct config *config);
void tty_use_master(int fd);
void tty_become_controlling(void);
void tty_relay(void);
int tty_send_fd(int socket, int fd);
int tty_receive_fd(int socket);
/* tty.c, also for oci.c's standard error: all of data written to fd (0, else -1); what one read of from gives
   written to to (0 once from ended or either failed, 1 otherwise). */
int write_all(int fd, const char *data, size_t length);
int copy_chunk(int from, int to);

/* join.c: lade exec. */
int join_container(const struct config *config);

/* mounts.c: --mount and --unmount, lade's own mounts of root filesystems. */
int mount_command(int argc, char **argv);

/* oci.c: --oci, runc or crun run detached (with a console socket for -t), their container reaped here. */
int oci_command(int argc, char **argv);

#endif

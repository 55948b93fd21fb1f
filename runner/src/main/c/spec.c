/* Reads the spec Java wrote: NUL-terminated tokens, each key followed by its values. */
#define _GNU_SOURCE
#include "launcher.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>

static char *buffer;
static size_t length, position;

static const char *next(void) {
  if (position >= length) fail(EXIT_SETUP, "spec: truncated");
  const char *token = buffer + position;
  position += strlen(token) + 1;
  return token;
}

static unsigned long number(void) {
  const char *token = next();
  char *end;
  errno = 0;
  unsigned long value = strtoul(token, &end, 10);
  if (errno || *end || end == token) fail(EXIT_SETUP, "spec: not a number: %s", token);
  return value;
}

static void check(int count, int max, const char *what) {
  if (count >= max) fail(EXIT_SETUP, "spec: too many %s", what);
}

static int namespace_flag(const char *name) {
  static const struct { const char *name; int flag; } table[] = {
    {"pid", CLONE_NEWPID}, {"network", CLONE_NEWNET}, {"mount", CLONE_NEWNS}, {"ipc", CLONE_NEWIPC},
    {"uts", CLONE_NEWUTS}, {"cgroup", CLONE_NEWCGROUP}, {"user", CLONE_NEWUSER},
  };
  for (size_t i = 0; i < sizeof table / sizeof *table; i++)
    if (!strcmp(table[i].name, name)) return table[i].flag;
  fail(EXIT_SETUP, "spec: unknown namespace %s", name);
}

static int rlimit_resource(const char *name) {
  static const struct { const char *name; int resource; } table[] = {
    {"RLIMIT_NOFILE", RLIMIT_NOFILE}, {"RLIMIT_NPROC", RLIMIT_NPROC}, {"RLIMIT_CORE", RLIMIT_CORE},
    {"RLIMIT_STACK", RLIMIT_STACK}, {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_AS", RLIMIT_AS},
    {"RLIMIT_CPU", RLIMIT_CPU}, {"RLIMIT_DATA", RLIMIT_DATA}, {"RLIMIT_FSIZE", RLIMIT_FSIZE},
    {"RLIMIT_NICE", RLIMIT_NICE}, {"RLIMIT_RTPRIO", RLIMIT_RTPRIO}, {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
    {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING}, {"RLIMIT_LOCKS", RLIMIT_LOCKS}, {"RLIMIT_RSS", RLIMIT_RSS},
    {"RLIMIT_RTTIME", RLIMIT_RTTIME},
  };
  for (size_t i = 0; i < sizeof table / sizeof *table; i++)
    if (!strcmp(table[i].name, name)) return table[i].resource;
  fail(EXIT_SETUP, "spec: unknown rlimit %s", name);
}

/* The seccomp filter: hex of the struct sock_filter array, 8 bytes an instruction. */
static void read_seccomp(struct config *c) {
  const char *hex = next();
  size_t bytes = strlen(hex) / 2;
  if (strlen(hex) % 16 || bytes / 8 > 4096) fail(EXIT_SETUP, "spec: bad seccomp filter");
  unsigned char *filter = malloc(bytes);
  if (!filter) fail(EXIT_SETUP, "spec: out of memory");
  for (size_t i = 0; i < bytes; i++) {
    unsigned int byte;
    if (sscanf(hex + 2 * i, "%2x", &byte) != 1) fail(EXIT_SETUP, "spec: bad seccomp filter");
    filter[i] = (unsigned char)byte;
  }
  c->seccomp = filter;
  c->seccomp_len = (unsigned short)(bytes / 8);
}

static void read_file(const char *path) {
  FILE *file = fopen(path, "rb");
  if (!file) fail(EXIT_SETUP, "spec: cannot open %s: %s", path, strerror(errno));
  size_t capacity = 1 << 16;
  buffer = malloc(capacity);
  size_t n;
  while (buffer && (n = fread(buffer + length, 1, capacity - length, file)) > 0) {
    length += n;
    if (length == capacity) buffer = realloc(buffer, capacity *= 2);
  }
  if (!buffer) fail(EXIT_SETUP, "spec: out of memory");
  fclose(file);
}

static void read_op(struct config *c, int kind) {
  check(c->nops, MAX_ITEMS, "setup steps");
  struct op *op = &c->ops[c->nops++];
  op->kind = kind;
  op->source = next();
  op->target = next();
  if (kind == OP_MOUNT) {
    op->type = next();
    op->flags = number();
    op->data = next();
  } else if (kind == OP_DEVICE) {
    op->flags = MS_BIND; /* the host's device node, bound: works in a user namespace too */
  }
}

int read_spec(const char *path, struct config *c) {
  read_file(path);
  c->cwd = "/";
  while (position < length) {
    const char *key = next();
    if (!strcmp(key, "rootfs")) c->rootfs = next();
    else if (!strcmp(key, "hostname")) c->hostname = next();
    else if (!strcmp(key, "cwd")) c->cwd = next();
    else if (!strcmp(key, "errfile")) c->errfile = next();
    else if (!strcmp(key, "uidmap")) c->uid_map = next();
    else if (!strcmp(key, "gidmap")) c->gid_map = next();
    else if (!strcmp(key, "namespace")) c->clone_flags |= namespace_flag(next());
    else if (!strcmp(key, "rootreadonly")) c->rootfs_readonly = 1;
    else if (!strcmp(key, "rootmount")) { c->root_type = next(); c->root_data = next(); }
    else if (!strcmp(key, "nonewprivs")) c->no_new_privs = 1;
    else if (!strcmp(key, "init")) c->init = 1;
    else if (!strcmp(key, "tty")) c->tty = 1;
    else if (!strcmp(key, "detach")) c->detach = 1;
    else if (!strcmp(key, "uid")) c->uid = number();
    else if (!strcmp(key, "gid")) c->gid = number();
    else if (!strcmp(key, "group")) { check(c->ngroups, 64, "groups"); c->groups[c->ngroups++] = number(); }
    else if (!strcmp(key, "mount")) read_op(c, OP_MOUNT);
    else if (!strcmp(key, "device")) read_op(c, OP_DEVICE);
    else if (!strcmp(key, "symlink")) read_op(c, OP_SYMLINK);
    else if (!strcmp(key, "cgroup")) { check(c->ncgroups, 16, "cgroups"); c->cgroup_procs[c->ncgroups++] = next(); }
    else if (!strcmp(key, "masked")) { check(c->nmasked, 64, "masked paths"); c->masked[c->nmasked++] = next(); }
    else if (!strcmp(key, "readonly")) { check(c->nreadonly, 64, "read-only paths"); c->readonly[c->nreadonly++] = next(); }
    else if (!strcmp(key, "seccomp")) read_seccomp(c);
    else if (!strcmp(key, "cap")) { check(c->ncaps, 64, "capabilities"); c->caps[c->ncaps++] = number(); }
    else if (!strcmp(key, "env")) { check(c->nenv, MAX_ITEMS, "env"); c->env[c->nenv++] = next(); }
    else if (!strcmp(key, "arg")) { check(c->nargs, MAX_ITEMS, "args"); c->args[c->nargs++] = next(); }
    else if (!strcmp(key, "supervise")) { c->started_file = next(); c->exited_file = next(); }
    else if (!strcmp(key, "onexit")) { check(c->nonexit, MAX_ITEMS, "onexit args"); c->onexit[c->nonexit++] = next(); }
    else if (!strcmp(key, "join")) c->join_pid = (pid_t)number();
    else if (!strcmp(key, "netsocket")) c->net_socket = next();
    else if (!strcmp(key, "publish")) {
      check(c->npublish, 32, "published ports");
      c->publish[c->npublish].proto = next();
      c->publish[c->npublish].host_ip = next();
      c->publish[c->npublish].host_port = (int)number();
      c->publish[c->npublish++].container_port = (int)number();
    }
    else if (!strcmp(key, "rlimit")) {
      check(c->nrlimits, 16, "rlimits");
      c->rlimits[c->nrlimits].resource = rlimit_resource(next());
      c->rlimits[c->nrlimits].soft = number();
      c->rlimits[c->nrlimits++].hard = number();
    } else fail(EXIT_SETUP, "spec: unknown key %s", key);
  }
  if (c->npublish > 0 && !c->net_socket) fail(EXIT_SETUP, "spec: published ports without netsocket");
  if ((!c->rootfs && !c->join_pid) || c->nargs == 0) fail(EXIT_SETUP, "spec: no rootfs or no command");
  return 0;
}

/*
 * Builds the container's filesystem view: mounts under the new root, pivot_root
 * into it, then masks and write-protects what Docker does.
 *
 * Mount targets come from the image, which may hold hostile symlinks (/proc -> /host),
 * so every target is resolved with openat2(RESOLVE_IN_ROOT) and mounted on through
 * its /proc/self/fd link: a target can never lead out of the rootfs.
 */
#define _GNU_SOURCE
#include "launcher.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

static int root_fd = -1;

/* Opens path (absolute, inside the rootfs) without following anything out of it. */
static int open_in_root(const char *path, int flags) {
  struct open_how how = {.flags = flags | O_CLOEXEC, .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS};
  return syscall(SYS_openat2, root_fd, path, &how, sizeof how);
}

/* Creates path's missing directories inside the rootfs, and path itself as a file when as_file. */
static void create_in_root(const char *path, int as_file) {
  char prefix[4096];
  size_t len = strlen(path);
  if (len >= sizeof prefix) fail(EXIT_SETUP, "path too long: %s", path);
  for (size_t i = 1; i <= len; i++) {
    if (path[i] != '/' && path[i] != '\0') continue;
    memcpy(prefix, path, i);
    prefix[i] = '\0';
    int fd = open_in_root(prefix, O_PATH);
    if (fd >= 0) { close(fd); continue; }
    if (errno != ENOENT) fail(EXIT_SETUP, "cannot open %s in rootfs: %s", prefix, strerror(errno));
    /* Create the last component in its (already safely resolved) parent. */
    char *slash = strrchr(prefix, '/');
    *slash = '\0';
    int parent = open_in_root(*prefix ? prefix : "/", O_PATH | O_DIRECTORY);
    if (parent < 0) fail(EXIT_SETUP, "cannot open %s in rootfs: %s", prefix, strerror(errno));
    int rc = (as_file && path[i] == '\0')
        ? mknodat(parent, slash + 1, S_IFREG | 0644, 0)
        : mkdirat(parent, slash + 1, 0755);
    if (rc < 0 && errno != EEXIST) fail(EXIT_SETUP, "cannot create %s in rootfs: %s", path, strerror(errno));
    close(parent);
  }
}

/* Flags a bind remount must keep: inside a user namespace the kernel refuses to drop them. */
static unsigned long locked_flags(const char *path) {
  struct statvfs st;
  if (statvfs(path, &st) < 0) return 0;
  unsigned long flags = 0;
  if (st.f_flag & ST_NOSUID) flags |= MS_NOSUID;
  if (st.f_flag & ST_NODEV) flags |= MS_NODEV;
  if (st.f_flag & ST_NOEXEC) flags |= MS_NOEXEC;
  if (st.f_flag & ST_RDONLY) flags |= MS_RDONLY;
  return flags;
}

/* A bind mount ignores flags like ro on its first mount(2); they take a remount. */
static void remount_bind(const char *path, unsigned long flags) {
  unsigned long wanted = flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
  if (!wanted) return;
  if (mount(NULL, path, NULL, MS_BIND | MS_REMOUNT | wanted | locked_flags(path), NULL) < 0)
    fail(EXIT_SETUP, "cannot remount %s: %s", path, strerror(errno));
}

static void do_mount(const struct op *op) {
  struct stat st;
  int is_file = (op->flags & MS_BIND) && stat(op->source, &st) == 0 && !S_ISDIR(st.st_mode);
  create_in_root(op->target, is_file || op->kind == OP_DEVICE);
  int fd = open_in_root(op->target, O_PATH);
  if (fd < 0) fail(EXIT_SETUP, "cannot open mount point %s: %s", op->target, strerror(errno));
  char via[64];
  snprintf(via, sizeof via, "/proc/self/fd/%d", fd);
  if (op->flags & MS_BIND) {
    if (mount(op->source, via, NULL, MS_BIND | (op->flags & MS_REC), NULL) < 0)
      fail(EXIT_SETUP, "cannot bind %s to %s: %s", op->source, op->target, strerror(errno));
    close(fd);
    /* Remount through a fresh descriptor: the old one still names the covered directory. */
    fd = open_in_root(op->target, O_PATH);
    snprintf(via, sizeof via, "/proc/self/fd/%d", fd);
    remount_bind(via, op->flags);
  } else if (mount(op->source, via, op->type, op->flags, op->data) < 0) {
    fail(EXIT_SETUP, "cannot mount %s on %s: %s", op->type, op->target, strerror(errno));
  }
  close(fd);
}

static void do_symlink(const struct op *op) {
  char *slash = strrchr(op->target, '/');
  char parent_path[4096];
  snprintf(parent_path, sizeof parent_path, "%.*s", (int)(slash - op->target), op->target);
  if (*parent_path) create_in_root(parent_path, 0);
  int parent = open_in_root(*parent_path ? parent_path : "/", O_PATH | O_DIRECTORY);
  if (parent < 0 || (symlinkat(op->source, parent, slash + 1) < 0 && errno != EEXIST))
    fail(EXIT_SETUP, "cannot link %s: %s", op->target, strerror(errno));
  close(parent);
}

/* pivot_root(".", ".") stacks the old root under the new one; detaching it leaves no way back. */
static void pivot(const char *rootfs) {
  if (chdir(rootfs) < 0) fail(EXIT_SETUP, "cannot enter rootfs: %s", strerror(errno));
  if (syscall(SYS_pivot_root, ".", ".") < 0) fail(EXIT_SETUP, "pivot_root: %s", strerror(errno));
  if (umount2(".", MNT_DETACH) < 0) fail(EXIT_SETUP, "cannot detach the old root: %s", strerror(errno));
  if (chdir("/") < 0) fail(EXIT_SETUP, "chdir /: %s", strerror(errno));
}

static void mask(const char *path) {
  struct stat st;
  if (lstat(path, &st) < 0) return; /* nothing there to hide */
  int rc = S_ISDIR(st.st_mode)
      ? mount("tmpfs", path, "tmpfs", MS_RDONLY, NULL)
      : mount("/dev/null", path, NULL, MS_BIND, NULL);
  if (rc < 0) fail(EXIT_SETUP, "cannot mask %s: %s", path, strerror(errno));
}

static void make_readonly(const char *path) {
  if (access(path, F_OK) < 0) return;
  if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) < 0)
    fail(EXIT_SETUP, "cannot bind %s: %s", path, strerror(errno));
  remount_bind(path, MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
}

void setup_rootfs(const struct config *c) {
  /* Nothing we mount may propagate back to the host. */
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
    fail(EXIT_SETUP, "cannot make mounts private: %s", strerror(errno));
  /* pivot_root needs the new root to be a mount point: its own file system, or the rootfs bound. */
  if (c->root_type) {
    if (mount(c->root_type, c->rootfs, c->root_type, 0, c->root_data) < 0)
      fail(EXIT_SETUP, "cannot mount the %s rootfs on %s: %s", c->root_type, c->rootfs, strerror(errno));
  } else if (mount(c->rootfs, c->rootfs, NULL, MS_BIND | MS_REC, NULL) < 0) {
    fail(EXIT_SETUP, "cannot bind the rootfs %s: %s", c->rootfs, strerror(errno));
  }
  root_fd = open(c->rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root_fd < 0) fail(EXIT_SETUP, "cannot open the rootfs: %s", strerror(errno));
  for (int i = 0; i < c->nops; i++) {
    const struct op *op = &c->ops[i];
    if (op->kind == OP_SYMLINK) do_symlink(op);
    else do_mount(op);
  }
  /* As runc: the working directory made when missing, in a root only the launcher sees (lade makes the others'). */
  if (c->root_type) create_in_root(c->cwd, 0);
  close(root_fd);
  pivot(c->rootfs);
  for (int i = 0; i < c->nmasked; i++) mask(c->masked[i]);
  for (int i = 0; i < c->nreadonly; i++) make_readonly(c->readonly[i]);
  if (c->rootfs_readonly) remount_bind("/", MS_RDONLY);
}

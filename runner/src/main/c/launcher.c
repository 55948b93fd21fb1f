/*
 * lade-launch SPEC-FILE  (or --mount, --unmount: see mounts.c)
 *
 * The parent half stays outside the new PID namespace: it forwards signals to the
 * container's PID 1 and exits with its status (128+N for signal N), so the JVM sees
 * the container's exit code as this process's. The child half enters the namespaces,
 * joins the cgroup, builds the rootfs, drops privileges and execs the command. With
 * "init" in the spec the child stays as PID 1 itself, reaping orphans, as docker --init.
 */
#define _GNU_SOURCE
#include "launcher.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static struct config config;
int error_pipe = -1;            /* child -> parent: why setup failed; closes on successful exec */
static volatile pid_t child;    /* whom signals go to */

/* Reports a setup failure and exits: to the parent through the error pipe when in the child. */
void fail(int code, const char *fmt, ...) {
  char message[1024];
  va_list args;
  va_start(args, fmt);
  int n = vsnprintf(message + 4, sizeof message - 4, fmt, args);
  va_end(args);
  if (n > (int)sizeof message - 5) n = sizeof message - 5;
  if (error_pipe >= 0) {
    snprintf(message, 4, "%03d", code);
    message[3] = ' ';
    if (write(error_pipe, message, 4 + n) < 0) { /* the parent is gone; nothing to tell */ }
  } else {
    fprintf(stderr, "lade-launch: %s\n", message + 4);
  }
  _exit(code);
}

void write_file(const char *path, const char *content) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0 || write(fd, content, strlen(content)) < 0)
    fail(EXIT_SETUP, "cannot write %s: %s", path, strerror(errno));
  close(fd);
}

static volatile sig_atomic_t pending[NSIG]; /* what came before there was anyone to forward it to */

static void forward(int signal) {
  if (child > 0) kill(child, signal);
  else pending[signal] = 1;
}

/* Every signal someone may send to stop or poke the container goes to it instead. */
static void forward_signals(void) {
  struct sigaction action = {.sa_handler = forward, .sa_flags = SA_RESTART};
  sigemptyset(&action.sa_mask);
  for (int s = 1; s < NSIG; s++) {
    if (s == SIGKILL || s == SIGSTOP || s == SIGCHLD || s == SIGPIPE || s == SIGSEGV || s == SIGBUS
        || s == SIGFPE || s == SIGILL || s == SIGTRAP || s == SIGABRT || s == SIGSYS) continue;
    sigaction(s, &action, NULL);
  }
}

void forward_signals_to(pid_t pid) {
  child = pid;
  forward_signals();
  for (int s = 1; s < NSIG && pid > 0; s++) {
    if (pending[s]) {
      pending[s] = 0;
      kill(pid, s);
    }
  }
}

/* The JVM may leave signals blocked or ignored; a container must start with a clean slate. */
static void reset_signals(void) {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  for (int s = 1; s < NSIG; s++) signal(s, SIG_DFL);
}

int exit_status(int status) {
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Rootless: become root of a new user namespace mapping just our own ids. */
static void enter_user_namespace(void) {
  if (unshare(CLONE_NEWUSER) < 0)
    fail(EXIT_SETUP, "cannot create a user namespace: %s (are unprivileged user namespaces allowed? "
         "see sysctl user.max_user_namespaces, kernel.unprivileged_userns_clone, "
         "kernel.apparmor_restrict_unprivileged_userns)", strerror(errno));
  write_file("/proc/self/setgroups", "deny");
  write_file("/proc/self/uid_map", config.uid_map);
  write_file("/proc/self/gid_map", config.gid_map);
}

static void drop_capabilities(void) {
  unsigned long long keep = 0;
  for (int i = 0; i < config.ncaps; i++) keep |= 1ULL << config.caps[i];
  for (int cap = 0; prctl(PR_CAPBSET_READ, cap, 0, 0, 0) >= 0; cap++)
    if (!(keep & (1ULL << cap)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
      fail(EXIT_SETUP, "cannot drop capability %d: %s", cap, strerror(errno));
  /* No inheritable capabilities (CVE-2022-24769); the rest follow the bounding set across execve. */
  struct __user_cap_header_struct header = {.version = _LINUX_CAPABILITY_VERSION_3};
  struct __user_cap_data_struct data[2] = {0};
  for (int i = 0; i < 2; i++) data[i].effective = data[i].permitted = (unsigned)(keep >> (32 * i));
  if (syscall(SYS_capset, &header, data) < 0) fail(EXIT_SETUP, "capset: %s", strerror(errno));
}

/* The last step before exec when no_new_privs is set (then no privilege is needed for it), as runc. */
static void install_seccomp(void) {
  if (!config.seccomp) return;
  struct sock_fprog program = {.len = config.seccomp_len, .filter = config.seccomp};
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0) < 0)
    fail(EXIT_SETUP, "cannot install the seccomp filter: %s", strerror(errno));
}

/* Whether this process's user namespace denies setgroups, as lade's rootless ones do (an exec joins one without
 * writing its maps, so config.uid_map does not tell). */
static int setgroups_denied(void) {
  char state[8] = {0};
  int fd = open("/proc/self/setgroups", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, state, sizeof state - 1);
  close(fd);
  return n >= 4 && strncmp(state, "deny", 4) == 0;
}

static void switch_user(void) {
  /* A rootless namespace denies setgroups; there is only one group there anyway. */
  if (!config.uid_map && !setgroups_denied() && setgroups(config.ngroups, config.groups) < 0)
    fail(EXIT_SETUP, "setgroups: %s", strerror(errno));
  if (setresgid(config.gid, config.gid, config.gid) < 0) fail(EXIT_SETUP, "setgid %d: %s", config.gid, strerror(errno));
  if (setresuid(config.uid, config.uid, config.uid) < 0) fail(EXIT_SETUP, "setuid %d: %s", config.uid, strerror(errno));
}

static const char *container_path(void) {
  for (int i = 0; i < config.nenv; i++)
    if (!strncmp(config.env[i], "PATH=", 5)) return config.env[i] + 5;
  return "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}

/* execvpe would search the launcher's PATH, not the container's: search by hand. */
static void exec_command(void) {
  char *const *argv = (char *const *)config.args;
  char *const *envp = (char *const *)config.env;
  const char *file = config.args[0];
  if (strchr(file, '/')) {
    execve(file, argv, envp);
    fail(errno == ENOENT ? EXIT_NOTFOUND : EXIT_NOEXEC, "exec: \"%s\": %s", file, strerror(errno));
  }
  int denied = 0;
  char candidate[4096];
  const char *dirs = container_path();
  while (*dirs) {
    size_t len = strcspn(dirs, ":");
    snprintf(candidate, sizeof candidate, "%.*s/%s", (int)len, len ? dirs : ".", file);
    execve(candidate, argv, envp);
    if (errno == EACCES) denied = 1;
    dirs += len + (dirs[len] == ':');
  }
  if (denied) fail(EXIT_NOEXEC, "exec: \"%s\": permission denied", file);
  fail(EXIT_NOTFOUND, "exec: \"%s\": executable file not found in $PATH", file);
}

/* As PID 1 with --init: run the command as our child, pass signals on, reap everyone. */
static void run_as_init(void) {
  pid_t command = fork();
  if (command < 0) fail(EXIT_SETUP, "fork: %s", strerror(errno));
  if (command == 0) { reset_signals(); exec_command(); }
  close(error_pipe);
  error_pipe = -1;
  child = command;
  forward_signals();
  for (;;) {
    int status;
    pid_t pid = wait(&status);
    if (pid == command) _exit(exit_status(status));
    if (pid < 0 && errno == ECHILD) _exit(EXIT_SETUP);
  }
}

/* A new network namespace starts with loopback down; Docker's --network none has it up. */
static void loopback_up(void) {
  int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  struct ifreq request = {0};
  strcpy(request.ifr_name, "lo");
  if (sock < 0 || ioctl(sock, SIOCGIFFLAGS, &request) < 0) fail(EXIT_SETUP, "loopback: %s", strerror(errno));
  request.ifr_flags |= IFF_UP | IFF_RUNNING;
  if (ioctl(sock, SIOCSIFFLAGS, &request) < 0) fail(EXIT_SETUP, "loopback up: %s", strerror(errno));
  close(sock);
}

static void container_main(void) {
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* lade-launch died: so does the container */
  await_network(&config);
  /* Join the cgroup before the cgroup namespace so that it becomes the namespace's root;
     the limits Java set are in force from here on, long before exec. */
  for (int i = 0; i < config.ncgroups; i++) write_file(config.cgroup_procs[i], "0");
  if ((config.clone_flags & CLONE_NEWCGROUP) && unshare(CLONE_NEWCGROUP) < 0)
    fail(EXIT_SETUP, "cannot create a cgroup namespace: %s", strerror(errno));
  if (config.clone_flags & CLONE_NEWNET) loopback_up();
  setup_rootfs(&config);
  if (config.hostname && sethostname(config.hostname, strlen(config.hostname)) < 0)
    fail(EXIT_SETUP, "sethostname: %s", strerror(errno));
  become_container_process(&config);
}

void become_container_process(const struct config *process) {
  tty_allocate(process); /* the global config, which the helpers below read */
  for (int i = 0; i < config.nrlimits; i++) {
    struct rlimit limit = {config.rlimits[i].soft, config.rlimits[i].hard};
    if (setrlimit(config.rlimits[i].resource, &limit) < 0) fail(EXIT_SETUP, "setrlimit: %s", strerror(errno));
  }
  /* Without no_new_privs, installing a filter takes CAP_SYS_ADMIN, which only the root we still are has. */
  if (!config.no_new_privs) install_seccomp();
  drop_capabilities();
  switch_user();
  if (chdir(config.cwd) < 0) fail(EXIT_SETUP, "chdir %s: %s", config.cwd, strerror(errno));
  if (config.no_new_privs) {
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) fail(EXIT_SETUP, "no_new_privs: %s", strerror(errno));
    install_seccomp();
  }
  tty_become_controlling();
  if (config.init) run_as_init();
  exec_command();
  _exit(EXIT_SETUP); /* exec_command fails itself; this tells the compiler */
}

/* Tells Java why setup failed (a file it reads), and exits with docker's code for it. */
int report(const char *message, size_t length) {
  int code = (int)strtol(message, NULL, 10);
  int fd = config.errfile ? open(config.errfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
  if (fd < 0 || write(fd, message + 4, length - 4) < 0) /* no file to tell: stderr it is */
    fprintf(stderr, "lade-launch: %.*s\n", (int)(length - 4), message + 4);
  if (fd >= 0) close(fd);
  return code ? code : EXIT_SETUP;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "--oci")) return oci_command(argc, argv);
  if (argc != 2 || argv[1][0] == '-') return mount_command(argc, argv);
  reset_signals();
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* the JVM died: do not leave the container behind */
  read_spec(argv[1], &config);
  config.env[config.nenv] = NULL;
  config.args[config.nargs] = NULL;
  config.onexit[config.nonexit] = NULL;
  if (config.join_pid) return join_container(&config);
  if (config.detach) become_supervisor();
  if (config.uid_map) enter_user_namespace();

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) < 0) fail(EXIT_SETUP, "pipe: %s", strerror(errno));
  prepare_network(&config);
  tty_prepare(&config);
  /* Without CLONE_VM, clone behaves as fork; the cgroup namespace comes later (see container_main). */
  pid_t pid = syscall(SYS_clone, (config.clone_flags & ~(CLONE_NEWCGROUP | CLONE_NEWUSER)) | SIGCHLD,
                      NULL, NULL, NULL, NULL);
  if (pid < 0)
    fail(EXIT_SETUP, "cannot create namespaces: %s%s", strerror(errno),
         errno == EPERM ? " (containers need root, or a user namespace of their own)" : "");
  if (pid == 0) {
    close(pipe_fds[0]);
    error_pipe = pipe_fds[1];
    container_main();
  }
  child = pid;
  forward_signals();
  close(pipe_fds[1]);
  pid_t network = start_network(pid, &config);

  char message[1024];
  ssize_t length = 0, n;
  while ((n = read(pipe_fds[0], message + length, sizeof message - 1 - length)) > 0) length += n;
  if (length <= 4 && config.started_file) supervise(pid, network, &config);
  if (length <= 4) tty_relay();
  int status;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) fail(EXIT_SETUP, "waitpid: %s", strerror(errno));
  }
  stop_network(network, &config);
  if (length > 4) {
    int code = report(message, (size_t)length);
    release_rootfs(&config);
    if (config.started_file) report_start(code);
    return code;
  }
  return exit_status(status);
}

/*
 * bulwark-launch: starts one sandbox's bwrap, for the engine (StagedLauncher.java).
 *
 *   bulwark-launch [CGROUP_PROCS_FILE...]
 *
 * Joins each cgroup named (its cgroup.procs file), then waits on stdin for the launch record,
 * which the engine sends once a request has come: a decimal length, a newline, then that many
 * bytes of NUL-terminated fields:
 *
 *   CPU_SOFT CPU_HARD FSIZE NOFILE UID FD3 FD4 FD5 PROGRAM [ARG...]
 *
 * It sets the rlimits (RLIMIT_CPU soft and hard in seconds, RLIMIT_FSIZE in bytes, RLIMIT_NOFILE;
 * no core dumps), opens FD3 and FD4 for reading and FD5 for writing as descriptors 3, 4 and 5,
 * closes every other descriptor above 2, drops to UID (uid, gid, no supplementary group; "-" keeps
 * the caller's), clears every capability set, sets no_new_privs, and execs PROGRAM with an empty
 * environment. What follows the record on stdin is the program's.
 *
 * It replaces a shell and setpriv, two program starts per sandbox: a start is CPU that every run
 * pays. Any failure is reported on stderr and ends it with status 126; nothing runs half set up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <linux/capability.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FAILED 126
#define MAX_RECORD (1 << 20)
#define FIELDS_BEFORE_PROGRAM 8

static void die(const char *format, ...) {
  int error = errno;
  va_list args;
  va_start(args, format);
  fputs("bulwark-launch: ", stderr);
  vfprintf(stderr, format, args);
  va_end(args);
  if (error != 0) {
    fprintf(stderr, ": %s", strerror(error));
  }
  fputc('\n', stderr);
  _exit(FAILED);
}

/* A decimal number, all of the text, within [0, max]. */
static unsigned long long number(const char *text, unsigned long long max, const char *what) {
  char *end;
  errno = 0;
  if (text[0] < '0' || text[0] > '9') {
    die("%s is not a number: '%s'", what, text);
  }
  unsigned long long value = strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0' || value > max) {
    errno = 0;
    die("%s is not a number up to %llu: '%s'", what, max, text);
  }
  return value;
}

static void join_cgroup(const char *procs) {
  int fd = open(procs, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    die("cannot open %s", procs);
  }
  char pid[24];
  int length = snprintf(pid, sizeof pid, "%d\n", (int)getpid());
  if (write(fd, pid, (size_t)length) != length) { /* cgroupfs takes one value per write */
    die("cannot join the cgroup of %s", procs);
  }
  close(fd);
}

/* Reads exactly n bytes from stdin; the record's end is where the program's input begins. */
static void read_fully(char *buffer, size_t n) {
  while (n > 0) {
    ssize_t got = read(STDIN_FILENO, buffer, n);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      if (got == 0) {
        errno = 0;
      }
      die("the launch record ended early");
    }
    buffer += got;
    n -= (size_t)got;
  }
}

/* The length line, a byte at a time: reading ahead would take the program's input. */
static size_t record_length(void) {
  char line[16];
  size_t used = 0;
  for (;;) {
    read_fully(line + used, 1);
    if (line[used] == '\n') {
      line[used] = '\0';
      break;
    }
    if (++used == sizeof line) {
      errno = 0;
      die("the launch record's length line is too long");
    }
  }
  return (size_t)number(line, MAX_RECORD, "the launch record's length");
}

static void set_limit(int resource, rlim_t soft, rlim_t hard, const char *what) {
  struct rlimit limit = {soft, hard};
  if (setrlimit(resource, &limit) != 0) {
    die("cannot set the %s limit", what);
  }
}

/* Opens path as descriptor fd exactly, inheritable. */
static void open_as(const char *path, int flags, int fd) {
  int opened = open(path, flags | O_NOFOLLOW, 0600);
  if (opened < 0) {
    die("cannot open %s", path);
  }
  if (opened != fd) {
    if (dup2(opened, fd) < 0) {
      die("cannot move %s to descriptor %d", path, fd);
    }
    close(opened);
  }
}

static void drop_to(const char *uid_text) {
  if (strcmp(uid_text, "-") != 0) {
    uid_t id = (uid_t)number(uid_text, UINT_MAX - 1, "the uid");
    if (id == 0) {
      errno = 0;
      die("refusing to run a sandbox as uid 0");
    }
    if (setgroups(0, NULL) != 0 || setresgid(id, id, id) != 0 || setresuid(id, id, id) != 0) {
      die("cannot drop to uid %u", (unsigned)id);
    }
  }
  /* Changing every uid away from 0 clears the permitted and effective sets, but not the
   * inheritable one: cleared here, which clears the ambient set with it (it may only hold what is
   * both permitted and inheritable). Without a uid change this clears them all. */
  struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3];
  memset(none, 0, sizeof none);
  if (syscall(SYS_capset, &header, none) != 0) {
    die("cannot clear the capabilities");
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    die("cannot set no_new_privs");
  }
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    join_cgroup(argv[i]);
  }

  size_t length = record_length();
  char *record = malloc(length + 1);
  if (record == NULL) {
    die("out of memory");
  }
  read_fully(record, length);
  if (length == 0 || record[length - 1] != '\0') {
    errno = 0;
    die("the launch record does not end with a NUL");
  }
  size_t count = 0;
  for (size_t at = 0; at < length; at++) {
    count += record[at] == '\0';
  }
  char **fields = calloc(count + 1, sizeof *fields);
  if (fields == NULL) {
    die("out of memory");
  }
  count = 0;
  for (size_t at = 0; at < length; at += strlen(record + at) + 1) {
    fields[count++] = record + at;
  }
  if (count < FIELDS_BEFORE_PROGRAM + 1 || fields[FIELDS_BEFORE_PROGRAM][0] != '/') {
    errno = 0;
    die("the launch record needs %d fields and a program by absolute path",
        FIELDS_BEFORE_PROGRAM);
  }
  fields[count] = NULL;

  rlim_t cpu_soft = number(fields[0], 1ULL << 32, "the soft CPU limit");
  rlim_t cpu_hard = number(fields[1], 1ULL << 32, "the hard CPU limit");
  set_limit(RLIMIT_CORE, 0, 0, "core size");
  set_limit(RLIMIT_CPU, cpu_soft, cpu_hard, "CPU");
  rlim_t file_size = number(fields[2], 1ULL << 63, "the file size limit");
  set_limit(RLIMIT_FSIZE, file_size, file_size, "file size");
  rlim_t open_files = number(fields[3], INT_MAX, "the open files limit");
  set_limit(RLIMIT_NOFILE, open_files, open_files, "open files");

  open_as(fields[5], O_RDONLY, 3);
  open_as(fields[6], O_RDONLY, 4);
  open_as(fields[7], O_WRONLY | O_CREAT | O_TRUNC, 5);
  if (syscall(SYS_close_range, 6U, ~0U, 0U) != 0 && errno != ENOSYS) { /* ENOSYS: Linux < 5.9 */
    die("cannot close the descriptors above 5");
  }

  drop_to(fields[4]);

  char *no_environment[] = {NULL};
  execve(fields[FIELDS_BEFORE_PROGRAM], fields + FIELDS_BEFORE_PROGRAM, no_environment);
  die("cannot run %s", fields[FIELDS_BEFORE_PROGRAM]);
}

/*
 * bulwark-statx: preloaded (LD_PRELOAD) into the programs of gVisor sandboxes only.
 *
 * gVisor releases before 2023, Debian 12's runsc 20221219 among them, refuse statx(2) with
 * AT_NO_AUTOMOUNT (EINVAL), which the coreutils of Debian 12 pass on every call: `ls` and `stat`
 * fail on every file. This wrapper drops the flag, which means nothing where nothing is automounted,
 * as in a sandbox, and calls the real system call. Nothing else changes.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int statx(int dirfd, const char *restrict path, int flags, unsigned int mask,
          struct statx *restrict buf) {
  return (int)syscall(SYS_statx, dirfd, path, flags & ~AT_NO_AUTOMOUNT, mask, buf);
}

/*
 * reg_test_util.h — scratch registries for the registry tests: every test
 * process points COMRT_REGISTRY / COMRT_SYSTEM_REGISTRY at files in a fresh
 * temporary directory, so no test ever touches the user's real registry.
 */
#ifndef COMRT_REG_TEST_UTIL_H
#define COMRT_REG_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <comrt.h>

#include "runtime/registry_internal.h"

static char reg_test_dir[256];
static char reg_test_user[300], reg_test_system[300];
static int reg_test_serial;

/* Fresh, empty databases (new file names, so nothing carries over). */
static void reg_test_fresh(void)
{
    if (!reg_test_dir[0]) {
        snprintf(reg_test_dir, sizeof reg_test_dir, "/tmp/comrt-regtest.XXXXXX");
        if (!mkdtemp(reg_test_dir)) {
            perror("mkdtemp");
            exit(2);
        }
    }
    reg_test_serial++;
    snprintf(reg_test_user, sizeof reg_test_user, "%s/user%d/registry.db", reg_test_dir, reg_test_serial);
    snprintf(reg_test_system, sizeof reg_test_system, "%s/system%d.db", reg_test_dir, reg_test_serial);
    setenv("COMRT_REGISTRY", reg_test_user, 1);
    setenv("COMRT_SYSTEM_REGISTRY", reg_test_system, 1);
    comrt__reg_reset();
}

static void reg_test_cleanup(void)
{
    char cmd[400];
    comrt__reg_reset();
    if (reg_test_dir[0] && strncmp(reg_test_dir, "/tmp/comrt-regtest.", 19) == 0) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", reg_test_dir);
        if (system(cmd) != 0) fprintf(stderr, "cleanup of %s failed\n", reg_test_dir);
    }
}

static inline int reg_test_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* A UTF-16 copy of an ASCII string in a rotating static buffer. */
static const WCHAR *W(const char *s)
{
    static WCHAR bufs[8][512];
    static int next;
    WCHAR *w = bufs[next++ % 8];
    size_t i;
    for (i = 0; s[i] && i < 511; i++) w[i] = (WCHAR)(unsigned char)s[i];
    w[i] = 0;
    return w;
}

#endif /* COMRT_REG_TEST_UTIL_H */

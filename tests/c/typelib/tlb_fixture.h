/*
 * tests/c/typelib/tlb_fixture.h — paths of the committed type-library
 * fixtures (tests/typelib/fixtures/), found from this source file's path so
 * the tests run from any build directory.
 */
#ifndef COMRT_TLB_FIXTURE_H
#define COMRT_TLB_FIXTURE_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

/* The fixture directory (absolute), computed once. */
static inline const char *tlb_fixture_dir(void)
{
    static char dir[PATH_MAX];
    char buf[PATH_MAX + 64], *slash;
    if (dir[0]) return dir;
    snprintf(buf, sizeof buf, "%s", __FILE__);
    slash = strrchr(buf, '/');
    if (slash) *slash = 0; else strcpy(buf, ".");
    strncat(buf, "/../../typelib/fixtures", sizeof buf - strlen(buf) - 1);
    if (!realpath(buf, dir)) {
        strncpy(dir, buf, sizeof dir - 1);
        dir[sizeof dir - 1] = 0;
    }
    return dir;
}

/* "<fixtures>/<name>" as a UTF-16 string in a static slot (ASCII paths). */
static inline const WCHAR *tlb_fixture(const char *name)
{
    static WCHAR slots[4][PATH_MAX];
    static int slot;
    WCHAR *out = slots[slot++ & 3];
    char buf[PATH_MAX + 256];
    size_t i;
    snprintf(buf, sizeof buf, "%s/%s", tlb_fixture_dir(), name);
    for (i = 0; buf[i] && i < PATH_MAX - 1; i++) out[i] = (WCHAR)(unsigned char)buf[i];
    out[i] = 0;
    return out;
}

/* Reads a fixture's bytes (malloc'ed; NULL if missing). */
static inline unsigned char *tlb_fixture_bytes(const char *name, size_t *size)
{
    char buf[PATH_MAX + 256];
    FILE *f;
    long n;
    unsigned char *data;
    snprintf(buf, sizeof buf, "%s/%s", tlb_fixture_dir(), name);
    f = fopen(buf, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = malloc(n > 0 ? (size_t)n : 1);
    if (data && fread(data, 1, (size_t)n, f) != (size_t)n) { free(data); data = NULL; }
    fclose(f);
    *size = (size_t)n;
    return data;
}

#endif

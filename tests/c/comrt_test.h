/*
 * comrt_test.h — the tiny test harness every C test uses.
 *
 * A test file defines test functions with TEST(name), lists them in
 * main() through RUN(name), and ends with `return comrt_test_summary();`.
 * CHECK* macros record a failure with file:line and the values involved and
 * go on; the summary prints "N passed, N failed" and sets the exit code.
 * A test's name and, where it loops over data, the input that failed are in
 * the message, so a red run says what broke without a debugger.
 */
#ifndef COMRT_TEST_H
#define COMRT_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

static int comrt_test_checks_failed;
static int comrt_test_passed, comrt_test_failed;
static const char *comrt_test_current;

#define TEST(name) static void test_##name(void)

#define RUN(name)                                                              \
    do {                                                                       \
        int before_ = comrt_test_checks_failed;                                \
        comrt_test_current = #name;                                            \
        test_##name();                                                         \
        if (comrt_test_checks_failed == before_) {                             \
            comrt_test_passed++;                                               \
            printf("ok   %s\n", #name);                                        \
        } else {                                                               \
            comrt_test_failed++;                                               \
            printf("FAIL %s\n", #name);                                        \
        }                                                                      \
        fflush(stdout);                                                        \
    } while (0)

#define COMRT_TEST_FAIL(...)                                                   \
    do {                                                                       \
        comrt_test_checks_failed++;                                            \
        fprintf(stderr, "%s:%d: [%s] ", __FILE__, __LINE__, comrt_test_current); \
        fprintf(stderr, __VA_ARGS__);                                          \
        fputc('\n', stderr);                                                   \
    } while (0)

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) COMRT_TEST_FAIL("CHECK(%s) failed", #cond);               \
    } while (0)

#define CHECK_MSG(cond, ...)                                                   \
    do {                                                                       \
        if (!(cond)) COMRT_TEST_FAIL(__VA_ARGS__);                             \
    } while (0)

#define CHECK_HR(expr, expected)                                               \
    do {                                                                       \
        HRESULT got_ = (expr), want_ = (expected);                             \
        if (got_ != want_)                                                     \
            COMRT_TEST_FAIL("%s returned 0x%08X, expected 0x%08X (%s)", #expr, \
                            (unsigned)got_, (unsigned)want_, #expected);       \
    } while (0)

#define CHECK_INT(a, b)                                                        \
    do {                                                                       \
        long long a_ = (long long)(a), b_ = (long long)(b);                    \
        if (a_ != b_) COMRT_TEST_FAIL("%s == %lld, expected %lld", #a, a_, b_); \
    } while (0)

#define CHECK_DBL(a, b)                                                        \
    do {                                                                       \
        double a_ = (a), b_ = (b);                                             \
        if (!(a_ == b_ || (isnan(a_) && isnan(b_))))                           \
            COMRT_TEST_FAIL("%s == %.17g, expected %.17g", #a, a_, b_);        \
    } while (0)

/* Compares a UTF-16 string with an ASCII/UTF-8 literal (ASCII only). */
static inline int comrt_test_wstr_eq(const WCHAR *w, const char *s)
{
    if (!w) return s == NULL;
    for (; *s; s++, w++)
        if (*w != (WCHAR)(unsigned char)*s) return 0;
    return *w == 0;
}

static inline const char *comrt_test_narrow(const WCHAR *w)
{
    static char buf[4][512];
    static int slot;
    char *out = buf[slot++ & 3];
    size_t i = 0;
    if (!w) return "(null)";
    for (; w[i] && i < sizeof buf[0] - 1; i++) out[i] = w[i] < 0x80 ? (char)w[i] : '?';
    out[i] = 0;
    return out;
}

#define CHECK_WSTR(w, s)                                                       \
    do {                                                                       \
        if (!comrt_test_wstr_eq((w), (s)))                                     \
            COMRT_TEST_FAIL("%s == \"%s\", expected \"%s\"", #w,               \
                            comrt_test_narrow(w), (s));                        \
    } while (0)

static inline int comrt_test_summary(void)
{
    printf("%d passed, %d failed\n", comrt_test_passed, comrt_test_failed);
    return comrt_test_failed ? 1 : 0;
}

#endif /* COMRT_TEST_H */

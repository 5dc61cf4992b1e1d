/*
 * test_regconcurrency.c — the registry under several processes: writers
 * forked at once lose nothing (each its own keys and all of them one shared
 * key), and writers SIGKILLed mid-transaction leave a database that passes
 * PRAGMA integrity_check with no half-written key (a key imported from a
 * .reg file is there with all its values or not at all).
 */
#include "../comrt_test.h"
#include "reg_test_util.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>

#define WRITERS 8
#define ROUNDS 60

static void writer(int w)
{
    int i;
    char path[128], name[64];
    for (i = 0; i < ROUNDS; i++) {
        HKEY k, shared;
        DWORD v = (DWORD)(w * 1000 + i);
        snprintf(path, sizeof path, "Software\\Conc\\W%d\\K%d", w, i);
        if (RegCreateKeyExW(HKEY_CURRENT_USER, W(path), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL) != 0) _exit(10);
        if (RegSetValueExW(k, W("v"), 0, REG_DWORD, (const BYTE *)&v, 4) != 0) _exit(11);
        RegCloseKey(k);
        if (RegCreateKeyExW(HKEY_CURRENT_USER, W("Software\\Conc\\Shared"), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &shared,
                            NULL) != 0)
            _exit(12);
        snprintf(name, sizeof name, "w%d_%d", w, i);
        if (RegSetValueExW(shared, W(name), 0, REG_DWORD, (const BYTE *)&v, 4) != 0) _exit(13);
        RegCloseKey(shared);
    }
    _exit(0);
}

TEST(concurrent_writers_lose_nothing)
{
    pid_t pids[WRITERS];
    int w, i, status;
    HKEY k;
    reg_test_fresh();
    /* the parent opens the database first: children must not reuse it */
    RegCloseKey((RegCreateKeyExW(HKEY_CURRENT_USER, W("Software\\Conc"), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL), k));
    for (w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        if (pids[w] == 0) writer(w);
    }
    for (w = 0; w < WRITERS; w++) {
        CHECK(waitpid(pids[w], &status, 0) == pids[w]);
        CHECK_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 0, "writer %d: status %d", w, status);
    }
    for (w = 0; w < WRITERS; w++) {
        for (i = 0; i < ROUNDS; i++) {
            char path[128], name[64];
            DWORD v = 0, cb = 4;
            snprintf(path, sizeof path, "Software\\Conc\\W%d\\K%d", w, i);
            CHECK_MSG(RegGetValueW(HKEY_CURRENT_USER, W(path), W("v"), RRF_RT_DWORD, NULL, &v, &cb) == 0 &&
                          v == (DWORD)(w * 1000 + i), "%s lost", path);
            snprintf(name, sizeof name, "w%d_%d", w, i);
            cb = 4;
            CHECK_MSG(RegGetValueW(HKEY_CURRENT_USER, W("Software\\Conc\\Shared"), W(name), RRF_RT_DWORD, NULL, &v,
                                   &cb) == 0 && v == (DWORD)(w * 1000 + i), "shared value %s lost", name);
        }
    }
}

#define CRASH_VALUES 40

/* Imports keys Crash\K<n> with CRASH_VALUES values each, forever. */
static void crash_writer(int seed)
{
    static char text[16384];
    int n, j;
    for (n = 0;; n++) {
        size_t len = (size_t)snprintf(text, sizeof text, "REGEDIT4\n[HKEY_CURRENT_USER\\Software\\Crash\\P%d_K%d\\a\\b]\n",
                                      seed, n);
        for (j = 0; j < CRASH_VALUES; j++)
            len += (size_t)snprintf(text + len, sizeof text - len, "\"v%d\"=dword:%08x\n", j, j);
        HRESULT hr = ComrtRegImportData(text, len, NULL);
        if (hr != S_OK) {
            fprintf(stderr, "crash writer %d: import 0x%08X\n", seed, (unsigned)hr);
            _exit(3);
        }
    }
}

static int count_values(HKEY k)
{
    WCHAR name[64];
    DWORD cch;
    int n = 0;
    for (;;) {
        cch = 64;
        if (RegEnumValueW(k, (DWORD)n, name, &cch, NULL, NULL, NULL, NULL) != 0) break;
        n++;
    }
    return n;
}

TEST(killed_writers_leave_valid_database)
{
    int round, status, keys = 0;
    HKEY crash;
    sqlite3 *db;
    sqlite3_stmt *st;
    DWORD i;
    reg_test_fresh();
    srand((unsigned)time(NULL));
    for (round = 0; round < 12; round++) {
        pid_t a = fork(), b;
        struct timespec ts = {0, (long)(5 + rand() % 40) * 1000000L};
        if (a == 0) crash_writer(round * 2);
        b = fork();
        if (b == 0) crash_writer(round * 2 + 1);
        nanosleep(&ts, NULL);
        kill(a, SIGKILL);
        kill(b, SIGKILL);
        waitpid(a, &status, 0);
        CHECK_MSG(WIFSIGNALED(status), "writer %d ended by itself (status %d)", round * 2, status);
        waitpid(b, &status, 0);
    }
    comrt__reg_reset();
    CHECK_INT(sqlite3_open(reg_test_user, &db), SQLITE_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_MSG(strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0, "integrity_check: %s",
              (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    /* every key row has a live parent */
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT count(*) FROM keys k WHERE parent<>0 AND NOT EXISTS"
                                     " (SELECT 1 FROM keys p WHERE p.id=k.parent)", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* every imported key is whole: its subkey chain and all its values */
    if (RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\Crash"), 0, KEY_READ, &crash) == 0) {
        for (i = 0;; i++) {
            WCHAR name[64];
            DWORD cch = 64;
            HKEY leaf;
            WCHAR sub[80];
            size_t n;
            if (RegEnumKeyExW(crash, i, name, &cch, NULL, NULL, NULL, NULL) != 0) break;
            memcpy(sub, name, cch * sizeof(WCHAR));
            n = cch;
            memcpy(sub + n, u"\\a\\b", 5 * sizeof(WCHAR));
            CHECK_MSG(RegOpenKeyExW(crash, sub, 0, KEY_READ, &leaf) == 0, "key %u half-written (no a\\b)", (unsigned)i);
            if (leaf) {
                CHECK_INT(count_values(leaf), CRASH_VALUES);
                RegCloseKey(leaf);
            }
            keys++;
        }
        RegCloseKey(crash);
    }
    CHECK_MSG(keys > 0, "no writer committed anything; the kill came too early");
    printf("# %d keys committed by killed writers\n", keys);
}

int main(void)
{
    RUN(concurrent_writers_lose_nothing);
    RUN(killed_writers_leave_valid_database);
    reg_test_cleanup();
    return comrt_test_summary();
}

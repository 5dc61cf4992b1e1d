/*
 * runtime/regstore.c — the registry's SQLite databases: where they live,
 * opening them (lazily; created with their schema on first write, never on
 * read), the schema, and write transactions that survive concurrent writers
 * (busy timeout + BEGIN IMMEDIATE) and crashes (WAL journal).
 *
 * Schema (user_version 1):
 *   keys(id, parent, name, name_folded, last_write)  parent 0 = hive root
 *   vals(key, name, name_folded, type, data)          key 0 = hive root
 * with unique indexes on (parent, name_folded) and (key, name_folded).
 * Names are UTF-8; name_folded is the name upper-cased as Windows compares.
 */

#include "registry_internal.h"

#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>

typedef struct {
    sqlite3 *db;
    char *path;
    pid_t pid;
    int writable;
    int in_batch_tx;
} regdb;

static regdb g_dbs[COMRT_REGDB_COUNT];
static pthread_mutex_t g_lock;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static locale_t g_utf8_locale;
static int g_batch_depth;
static LONG g_batch_rc;

static void reg_init(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&g_lock, &a);
    pthread_mutexattr_destroy(&a);
    g_utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

void comrt__reg_lock(void)
{
    pthread_once(&g_once, reg_init);
    pthread_mutex_lock(&g_lock);
}

void comrt__reg_unlock(void)
{
    pthread_mutex_unlock(&g_lock);
}

/* Windows compares key and value names after upper-casing each UTF-16 unit
 * (its upcase table covers the BMP); glibc's C.UTF-8 tables give the same
 * simple mappings.  Mappings that leave the BMP or change the length do not
 * exist in that scheme, so only one-unit results are taken. */
WCHAR comrt__reg_fold(WCHAR c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? (WCHAR)(c - 32) : c;
    if (c >= 0xD800 && c <= 0xDFFF) return c;
    pthread_once(&g_once, reg_init);
    if (g_utf8_locale) {
        wint_t u = towupper_l((wint_t)c, g_utf8_locale);
        if (u <= 0xFFFF && !(u >= 0xD800 && u <= 0xDFFF)) return (WCHAR)u;
    }
    return c;
}

/* The database path for `which` as the environment says now; NULL when the
 * system database is not configured and the default does not exist.
 * Returns malloc'd memory the caller frees. */
static char *reg_path(int which)
{
    const char *env;
    char *out = NULL;
    if (which == COMRT_REGDB_USER) {
        env = getenv("COMRT_REGISTRY");
        if (env && *env) return strdup(env);
        env = getenv("XDG_DATA_HOME");
        if (env && *env == '/') {
            if (asprintf(&out, "%s/comrt/registry.db", env) < 0) out = NULL;
            return out;
        }
        env = getenv("HOME");
        if (!env || !*env) return NULL;
        if (asprintf(&out, "%s/.local/share/comrt/registry.db", env) < 0) out = NULL;
        return out;
    }
    env = getenv("COMRT_SYSTEM_REGISTRY");
    if (env && *env) return strdup(env);
    return strdup("/var/lib/comrt/registry.db");
}

/* mkdir -p of the directory part of path. */
static int make_parent_dirs(const char *path)
{
    char *dup = strdup(path), *p;
    int ok = 1;
    if (!dup) return 0;
    for (p = dup + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(dup, 0700) != 0 && errno != EEXIST) ok = 0;
        *p = '/';
    }
    free(dup);
    return ok;
}

static void db_drop(regdb *d)
{
    /* A connection inherited over fork() belongs to the parent: SQLite says
     * not to use or close it in the child, so the child only forgets it. */
    if (d->db && d->pid == getpid()) sqlite3_close_v2(d->db);
    d->db = NULL;
    free(d->path);
    d->path = NULL;
    d->writable = 0;
    d->in_batch_tx = 0;
}

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS keys("
    " id INTEGER PRIMARY KEY, parent INTEGER NOT NULL, name TEXT NOT NULL,"
    " name_folded TEXT NOT NULL, last_write INTEGER NOT NULL DEFAULT 0);"
    "CREATE UNIQUE INDEX IF NOT EXISTS keys_by_name ON keys(parent, name_folded);"
    "CREATE TABLE IF NOT EXISTS vals("
    " key INTEGER NOT NULL, name TEXT NOT NULL, name_folded TEXT NOT NULL,"
    " type INTEGER NOT NULL, data BLOB NOT NULL);"
    "CREATE UNIQUE INDEX IF NOT EXISTS vals_by_name ON vals(key, name_folded);"
    "PRAGMA user_version = 1;";

/* sqlite3_exec, retried while another process holds a lock the busy
 * handler does not wait for (switching a brand-new database to WAL while
 * another process creates it answers SQLITE_BUSY at once). */
static int exec_retry(sqlite3 *db, const char *sql)
{
    int rc, tries;
    for (tries = 0; tries < 3000; tries++) {
        struct timespec ts = {0, 10 * 1000000L};
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        if ((rc & 0xFF) != SQLITE_BUSY && (rc & 0xFF) != SQLITE_LOCKED) return rc;
        nanosleep(&ts, NULL);
    }
    return rc;
}

/* "file:PATH?immutable=1" with PATH percent-escaped as URIs need. */
static char *uri_for(const char *path)
{
    size_t n = strlen(path), i, o = 0;
    char *u = malloc(3 * n + 32);
    if (!u) return NULL;
    o += (size_t)sprintf(u, "file:");
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7F) o += (size_t)sprintf(u + o, "%%%02X", c);
        else u[o++] = (char)c;
    }
    strcpy(u + o, "?immutable=1");
    return u;
}

static LONG db_open(regdb *d, const char *path, int for_write, int which)
{
    sqlite3 *db = NULL;
    struct stat st;
    int exists = stat(path, &st) == 0, writable, flags, rc;
    LONG result = ERROR_SUCCESS;

    if (!exists && !for_write) return ERROR_SUCCESS; /* reads see an empty hive */
    if (exists) {
        writable = access(path, W_OK) == 0;
    } else if (which == COMRT_REGDB_USER || getenv("COMRT_SYSTEM_REGISTRY")) {
        writable = 1; /* created below */
    } else {
        writable = 0; /* the default system database is installed, not made */
    }
    if (for_write && !writable) return ERROR_ACCESS_DENIED;
    if (!exists && !make_parent_dirs(path)) return ERROR_ACCESS_DENIED;
    flags = SQLITE_OPEN_NOMUTEX | (writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                            : SQLITE_OPEN_READONLY);
    rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc == SQLITE_OK && !writable &&
        sqlite3_exec(db, "SELECT 1 FROM keys LIMIT 0", NULL, NULL, NULL) != SQLITE_OK) {
        /* A read-only WAL database whose directory we cannot write (the
         * system registry, read by a user) cannot get its -shm file; opened
         * as immutable it reads without one. */
        char *uri = uri_for(path);
        sqlite3_close_v2(db);
        db = NULL;
        rc = uri ? sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL)
                 : SQLITE_NOMEM;
        free(uri);
    }
    if (rc != SQLITE_OK) {
        result = writable && for_write ? ERROR_ACCESS_DENIED : ERROR_CANTOPEN;
        goto out;
    }
    /* Writers in other processes hold the lock for milliseconds; waiting
     * (instead of failing with SQLITE_BUSY) is what makes them lose nothing. */
    sqlite3_busy_timeout(db, 60000);
    if (writable) {
        if (exec_retry(db, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
            exec_retry(db, "PRAGMA synchronous=NORMAL") != SQLITE_OK ||
            exec_retry(db, "BEGIN IMMEDIATE") != SQLITE_OK) {
            result = ERROR_REGISTRY_IO_FAILED;
            goto out;
        }
        if (sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            result = ERROR_REGISTRY_CORRUPT;
            goto out;
        }
        if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            result = ERROR_REGISTRY_IO_FAILED;
            goto out;
        }
    }
    d->db = db;
    d->writable = writable;
    d->pid = getpid();
    db = NULL;
out:
    if (db) sqlite3_close_v2(db);
    return result;
}

LONG comrt__reg_db(int which, int for_write, sqlite3 **out)
{
    regdb *d = &g_dbs[which];
    char *path = reg_path(which);
    LONG result = ERROR_SUCCESS;

    if (!path) {
        result = for_write ? ERROR_ACCESS_DENIED : ERROR_SUCCESS;
        *out = NULL;
        goto out;
    }
    if (d->db && (d->pid != getpid() || strcmp(d->path, path) != 0 || (for_write && !d->writable))) {
        if (d->in_batch_tx && d->pid == getpid() && strcmp(d->path, path) == 0) {
            result = ERROR_ACCESS_DENIED;
            goto out;
        }
        db_drop(d);
    }
    if (!d->db) {
        result = db_open(d, path, for_write, which);
        if (result != ERROR_SUCCESS) goto out;
        if (d->db) {
            d->path = path;
            path = NULL;
        }
    }
    *out = d->db;
out:
    free(path);
    return result;
}

void comrt__reg_reset(void)
{
    int i;
    comrt__reg_lock();
    for (i = 0; i < COMRT_REGDB_COUNT; i++) db_drop(&g_dbs[i]);
    comrt__reg_unlock();
}

LONG comrt__reg_tx_begin(int which, sqlite3 **out)
{
    sqlite3 *db = NULL;
    LONG result = comrt__reg_db(which, 1, &db);
    if (result != ERROR_SUCCESS) return result;
    if (g_batch_depth && g_dbs[which].in_batch_tx) {
        *out = db;
        return ERROR_SUCCESS;
    }
    if (exec_retry(db, "BEGIN IMMEDIATE") != SQLITE_OK) return ERROR_REGISTRY_IO_FAILED;
    if (g_batch_depth) g_dbs[which].in_batch_tx = 1;
    *out = db;
    return ERROR_SUCCESS;
}

static LONG tx_finish(regdb *d, LONG rc)
{
    if (rc == ERROR_SUCCESS) {
        if (sqlite3_exec(d->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) return ERROR_SUCCESS;
        rc = ERROR_REGISTRY_IO_FAILED;
    }
    sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

LONG comrt__reg_tx_end(int which, LONG rc)
{
    if (g_batch_depth) {
        if (rc != ERROR_SUCCESS && g_batch_rc == ERROR_SUCCESS) g_batch_rc = rc;
        return rc;
    }
    return tx_finish(&g_dbs[which], rc);
}

void comrt__reg_batch_begin(void)
{
    comrt__reg_lock();
    if (g_batch_depth++ == 0) g_batch_rc = ERROR_SUCCESS;
}

LONG comrt__reg_batch_end(LONG rc)
{
    int i;
    if (--g_batch_depth == 0) {
        if (rc == ERROR_SUCCESS) rc = g_batch_rc;
        for (i = 0; i < COMRT_REGDB_COUNT; i++) {
            regdb *d = &g_dbs[i];
            if (!d->in_batch_tx) continue;
            d->in_batch_tx = 0;
            if (d->db && d->pid == getpid()) rc = tx_finish(d, rc);
        }
    }
    comrt__reg_unlock();
    return rc;
}

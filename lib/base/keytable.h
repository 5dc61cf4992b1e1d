/*
 * base/keytable.h — an intrusive hash table keyed by 64-bit numbers, for the
 * runtime's handle and cookie tables (HGLOBALs, GIT cookies): a record
 * embeds a comrt_keynode and is found by its key in O(1).  The table owns
 * only its bucket array; records are the caller's.  Not thread-safe: callers
 * hold their own lock.  Keys are mixed (Fibonacci hashing), so aligned
 * pointers and counters spread evenly.
 */
#ifndef COMRT_BASE_KEYTABLE_H
#define COMRT_BASE_KEYTABLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct comrt_keynode {
    struct comrt_keynode *next; /* bucket chain */
    uint64_t key;
} comrt_keynode;

typedef struct {
    comrt_keynode **buckets;
    size_t nbuckets; /* 0 or a power of two */
    size_t count;
} comrt_keytable;

/* The record with key, or NULL. */
comrt_keynode *comrt__keytable_find(const comrt_keytable *t, uint64_t key);
/* Adds n (n->key set; no record with that key may be there yet), growing
 * the table to keep one record per bucket.  0 when out of memory (n is not
 * added), 1 otherwise. */
int comrt__keytable_insert(comrt_keytable *t, comrt_keynode *n);
/* Takes n out (it must be in the table). */
void comrt__keytable_remove(comrt_keytable *t, comrt_keynode *n);
/* Frees the bucket array (the records are the caller's); t is empty after. */
void comrt__keytable_clear(comrt_keytable *t);

#endif /* COMRT_BASE_KEYTABLE_H */

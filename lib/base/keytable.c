/*
 * base/keytable.c — the intrusive 64-bit-key hash table of keytable.h.
 */
#include <stdlib.h>

#include "base/keytable.h"

#define KEYTABLE_FIRST_BUCKETS 64

static size_t bucket_of(uint64_t key, size_t n)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (n - 1);
}

comrt_keynode *comrt__keytable_find(const comrt_keytable *t, uint64_t key)
{
    comrt_keynode *n;
    if (!t->nbuckets) return NULL;
    for (n = t->buckets[bucket_of(key, t->nbuckets)]; n; n = n->next)
        if (n->key == key) return n;
    return NULL;
}

int comrt__keytable_insert(comrt_keytable *t, comrt_keynode *n)
{
    size_t i;
    if (t->count + 1 > t->nbuckets) {
        size_t size = t->nbuckets ? t->nbuckets * 2 : KEYTABLE_FIRST_BUCKETS;
        comrt_keynode **nb = calloc(size, sizeof *nb);
        if (!nb) return 0;
        for (i = 0; i < t->nbuckets; i++) {
            comrt_keynode *x = t->buckets[i], *next;
            for (; x; x = next) {
                size_t k = bucket_of(x->key, size);
                next = x->next;
                x->next = nb[k];
                nb[k] = x;
            }
        }
        free(t->buckets);
        t->buckets = nb;
        t->nbuckets = size;
    }
    i = bucket_of(n->key, t->nbuckets);
    n->next = t->buckets[i];
    t->buckets[i] = n;
    t->count++;
    return 1;
}

void comrt__keytable_remove(comrt_keytable *t, comrt_keynode *n)
{
    comrt_keynode **pp = &t->buckets[bucket_of(n->key, t->nbuckets)];
    while (*pp != n) pp = &(*pp)->next;
    *pp = n->next;
    t->count--;
}

void comrt__keytable_clear(comrt_keytable *t)
{
    free(t->buckets);
    t->buckets = NULL;
    t->nbuckets = 0;
    t->count = 0;
}

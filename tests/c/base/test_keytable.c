/* Tests for base/keytable.c: the intrusive 64-bit-key hash table behind the
 * HGLOBAL and GIT tables — growth, lookups, removal, colliding keys. */
#include <stdlib.h>

#include "comrt_test.h"
#include "base/keytable.h"

typedef struct {
    comrt_keynode node;
    int payload;
} rec;

#define N 20000

TEST(insert_find_remove)
{
    comrt_keytable t = { 0 };
    rec *r = calloc(N, sizeof *r);
    int found = 0, missing = 0;
    CHECK(r != NULL);
    if (!r) return;
    CHECK(comrt__keytable_find(&t, 1) == NULL); /* empty, no buckets yet */
    for (int i = 0; i < N; i++) {
        /* keys as the tables make them: aligned addresses (+4) and counters */
        r[i].node.key = (i & 1) ? 0x7f0000001000ull + 16ull * (uint64_t)i + 4 : 0x100000000ull + (uint64_t)i;
        r[i].payload = i;
        CHECK(comrt__keytable_insert(&t, &r[i].node) == 1);
    }
    CHECK_INT((int)t.count, N);
    CHECK((t.nbuckets & (t.nbuckets - 1)) == 0 && t.nbuckets >= N);
    for (int i = 0; i < N; i++) {
        rec *x = (rec *)comrt__keytable_find(&t, r[i].node.key);
        if (x == &r[i] && x->payload == i) found++;
    }
    CHECK_INT(found, N);
    for (int i = 0; i < N; i += 2) comrt__keytable_remove(&t, &r[i].node);
    CHECK_INT((int)t.count, N / 2);
    found = 0;
    for (int i = 0; i < N; i++) {
        comrt_keynode *x = comrt__keytable_find(&t, r[i].node.key);
        if (i % 2) found += x == &r[i].node;
        else missing += x == NULL;
    }
    CHECK_INT(found, N / 2);
    CHECK_INT(missing, N / 2);
    CHECK(comrt__keytable_find(&t, 0xdeadbeefull) == NULL);
    comrt__keytable_clear(&t);
    CHECK(t.count == 0 && t.nbuckets == 0 && comrt__keytable_find(&t, r[1].node.key) == NULL);
    free(r);
}

int main(void)
{
    RUN(insert_find_remove);
    return comrt_test_summary();
}

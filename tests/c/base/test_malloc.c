/* Tests for base/malloc.c: CoTaskMem* and the IMalloc singleton. */
#define COBJMACROS
#include "comrt_test.h"

TEST(alloc_free)
{
    void *p = CoTaskMemAlloc(0);
    CHECK(p != NULL);
    CoTaskMemFree(p);
    CoTaskMemFree(NULL);
    p = CoTaskMemAlloc(100);
    memset(p, 0xAB, 100);
    p = CoTaskMemRealloc(p, 1000);
    CHECK(((unsigned char *)p)[99] == 0xAB);
    CHECK(CoTaskMemRealloc(p, 0) == NULL); /* frees */
    p = CoTaskMemRealloc(NULL, 10);
    CHECK(p != NULL);
    CoTaskMemFree(p);
    CHECK(CoTaskMemAlloc((SIZE_T)-1) == NULL);
}

TEST(imalloc)
{
    IMalloc *m = NULL;
    void *p;
    CHECK_HR(CoGetMalloc(MEMCTX_TASK, &m), S_OK);
    CHECK(m != NULL);
    p = IMalloc_Alloc(m, 37);
    CHECK_INT(IMalloc_GetSize(m, p), 37);
    CHECK_INT(IMalloc_DidAlloc(m, p), 1);
    CHECK_INT(IMalloc_DidAlloc(m, NULL), -1);
    IMalloc_Free(m, p);
    IMalloc_Release(m);
    CHECK_HR(CoGetMalloc(0, &m), E_INVALIDARG);
    CHECK_HR(CoGetMalloc(MEMCTX_TASK, NULL), E_INVALIDARG);
}

int main(void)
{
    RUN(alloc_free);
    RUN(imalloc);
    return comrt_test_summary();
}

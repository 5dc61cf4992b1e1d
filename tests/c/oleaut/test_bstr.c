/* Tests for oleaut/bstr.c: the Sys*String* family and the BSTR layout. */
#include "comrt_test.h"

TEST(layout)
{
    BSTR s = SysAllocString(u"hello");
    CHECK(((uintptr_t)s & 7) == 0);
    CHECK_INT(((uint32_t *)s)[-1], 10); /* byte length before the data */
    CHECK_INT(s[5], 0);
    CHECK_INT(SysStringLen(s), 5);
    CHECK_INT(SysStringByteLen(s), 10);
    SysFreeString(s);
}

TEST(null_and_empty)
{
    BSTR s;
    CHECK(SysAllocString(NULL) == NULL);
    CHECK_INT(SysStringLen(NULL), 0);
    CHECK_INT(SysStringByteLen(NULL), 0);
    SysFreeString(NULL);
    s = SysAllocString(u"");
    CHECK(s != NULL);
    CHECK_INT(SysStringLen(s), 0);
    SysFreeString(s);
    s = SysAllocStringLen(NULL, 3);
    CHECK_INT(SysStringLen(s), 3);
    CHECK_INT(s[3], 0);
    SysFreeString(s);
}

TEST(embedded_nul_and_odd_bytes)
{
    static const char16_t data[] = { 'a', 0, 'b' };
    BSTR s = SysAllocStringLen(data, 3);
    CHECK_INT(SysStringLen(s), 3);
    CHECK_INT(s[2], 'b');
    SysFreeString(s);
    s = SysAllocStringByteLen("abc", 3);
    CHECK_INT(SysStringByteLen(s), 3);
    CHECK_INT(SysStringLen(s), 1);
    CHECK(memcmp(s, "abc\0\0", 5) == 0);
    SysFreeString(s);
}

TEST(realloc)
{
    BSTR s = SysAllocString(u"abcdef");
    CHECK(SysReAllocString(&s, s + 2)); /* source inside the old string */
    CHECK_WSTR(s, "cdef");
    CHECK(SysReAllocStringLen(&s, u"xy", 2));
    CHECK_WSTR(s, "xy");
    CHECK(SysReAllocStringLen(&s, NULL, 4)); /* NULL keeps the contents */
    CHECK_INT(SysStringLen(s), 4);
    CHECK(s[0] == 'x' && s[1] == 'y');
    CHECK(!SysReAllocString(NULL, u"a"));
    SysFreeString(s);
}

TEST(too_long)
{
    CHECK(SysAllocStringLen(NULL, 0x80000000u) == NULL);
    CHECK(SysAllocStringByteLen(NULL, 0xFFFFFFFFu) == NULL);
}

TEST(pins)
{
    BSTR s = SysAllocString(u"pinned");
    CHECK_HR(SysAddRefString(s), S_OK);
    SysFreeString(s); /* deferred while pinned */
    CHECK_WSTR(s, "pinned");
    SysReleaseString(s); /* frees now (ASan would report a leak otherwise) */
    CHECK_HR(SysAddRefString(NULL), E_INVALIDARG);
}

int main(void)
{
    RUN(layout);
    RUN(null_and_empty);
    RUN(embedded_nul_and_odd_bytes);
    RUN(realloc);
    RUN(too_long);
    RUN(pins);
    return comrt_test_summary();
}

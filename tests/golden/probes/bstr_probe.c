/*
 * bstr_probe.c — BSTR lengths and layout: SysAllocString*, SysStringLen /
 * ByteLen (odd byte lengths too), SysReAllocString*, the 32-bit byte count
 * before the pointer and the terminator after the data.
 *
 * A BSTR is described as  len=<SysStringLen> bytes=<SysStringByteLen>
 * prefix=<the DWORD before the pointer> data=<hex bytes incl. the two after
 * the data>.  Contents are printed only where the API defines them (never
 * for a NULL source, which leaves the data uninitialised).
 */
#include "probe_util.h"

static void describe(pu_line *l, BSTR b, int show_data)
{
    UINT bytes, i;
    if (!b) {
        pu_add(l, "NULL");
        return;
    }
    bytes = SysStringByteLen(b);
    pu_add(l, "len=%u bytes=%u prefix=%u", SysStringLen(b), bytes, (unsigned)((const UINT *)b)[-1]);
    if (show_data) {
        const BYTE *p = (const BYTE *)b;
        pu_add(l, " data=");
        for (i = 0; i < bytes && i < 64; i++)
            pu_add(l, "%02X", p[i]);
    }
    /* the terminator: Windows writes a 16-bit NUL right after the data */
    {
        const BYTE *p = (const BYTE *)b;
        pu_add(l, " term=%02X%02X", p[bytes], p[bytes + 1]);
    }
}

static void emit1(const char *key, BSTR b, int show_data)
{
    pu_line k, r;
    pu_reset(&k);
    pu_reset(&r);
    pu_add(&k, "%s", key);
    describe(&r, b, show_data);
    pu_emit(&k, &r);
}

int main(void)
{
    static const OLECHAR hello[] = {'h', 'e', 'l', 'l', 'o', 0, 'x', 'y', 0};
    static const char bytes[] = "abcdefgh";
    static const UINT huge[] = {0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu, 0xFFFFFFFEu, 0xFFFFFFFBu};
    char key[128];
    BSTR b;
    UINT n;
    size_t i;

    pu_start("bstr");

    b = SysAllocString(NULL);
    emit1("SysAllocString(NULL)", b, 1);
    SysFreeString(b);
    b = SysAllocString(OLESTR(""));
    emit1("SysAllocString(\"\")", b, 1);
    SysFreeString(b);
    b = SysAllocString(OLESTR("hello"));
    emit1("SysAllocString(\"hello\")", b, 1);
    SysFreeString(b);
    b = SysAllocString(hello);
    emit1("SysAllocString(\"hello\\0xy\")", b, 1);
    SysFreeString(b);

    for (n = 0; n <= 9; n++) {
        snprintf(key, sizeof key, "SysAllocStringLen(\"hello\\0xy\", %u)", n);
        b = SysAllocStringLen(hello, n);
        emit1(key, b, 1);
        SysFreeString(b);
        snprintf(key, sizeof key, "SysAllocStringLen(NULL, %u)", n);
        b = SysAllocStringLen(NULL, n);
        emit1(key, b, 0);
        SysFreeString(b);
    }
    for (n = 0; n <= 9; n++) {
        snprintf(key, sizeof key, "SysAllocStringByteLen(\"abcdefgh\", %u)", n);
        b = SysAllocStringByteLen(bytes, n);
        emit1(key, b, 1);
        SysFreeString(b);
        snprintf(key, sizeof key, "SysAllocStringByteLen(NULL, %u)", n);
        b = SysAllocStringByteLen(NULL, n);
        emit1(key, b, 0);
        SysFreeString(b);
    }
    for (i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        snprintf(key, sizeof key, "SysAllocStringLen(NULL, 0x%08X)", huge[i]);
        b = SysAllocStringLen(NULL, huge[i]);
        emit1(key, b, 0);
        SysFreeString(b);
        snprintf(key, sizeof key, "SysAllocStringByteLen(NULL, 0x%08X)", huge[i]);
        b = SysAllocStringByteLen(NULL, huge[i]);
        emit1(key, b, 0);
        SysFreeString(b);
    }
    {
        pu_line k, r;
        pu_reset(&k);
        pu_reset(&r);
        pu_add(&k, "SysStringLen(NULL)");
        pu_add(&r, "%u", SysStringLen(NULL));
        pu_emit(&k, &r);
        pu_reset(&k);
        pu_reset(&r);
        pu_add(&k, "SysStringByteLen(NULL)");
        pu_add(&r, "%u", SysStringByteLen(NULL));
        pu_emit(&k, &r);
    }

    /* SysReAllocString / SysReAllocStringLen */
    {
        static const struct {
            const char *label;
            const OLECHAR *start; /* NULL: start from a NULL BSTR */
            const OLECHAR *src;
            int use_len;
            UINT len;
        } re[] = {
            {"ReAlloc(NULL, \"new\")", NULL, OLESTR("new"), 0, 0},
            {"ReAlloc(\"old\", \"new\")", OLESTR("old"), OLESTR("new"), 0, 0},
            {"ReAlloc(\"old\", \"longer string\")", OLESTR("old"), OLESTR("longer string"), 0, 0},
            {"ReAlloc(\"old\", \"\")", OLESTR("old"), OLESTR(""), 0, 0},
            {"ReAlloc(\"old\", NULL)", OLESTR("old"), NULL, 0, 0},
            {"ReAlloc(NULL, NULL)", NULL, NULL, 0, 0},
            {"ReAllocLen(\"old\", \"hello\", 3)", OLESTR("old"), OLESTR("hello"), 1, 3},
            {"ReAllocLen(\"old\", \"hello\", 0)", OLESTR("old"), OLESTR("hello"), 1, 0},
            {"ReAllocLen(\"old\", \"hello\", 5)", OLESTR("old"), OLESTR("hello"), 1, 5},
            {"ReAllocLen(NULL, \"hello\", 2)", NULL, OLESTR("hello"), 1, 2},
            {"ReAllocLen(\"old\", \"hel\\0lo\", 6)", OLESTR("old"), OLESTR("hel\0lo"), 1, 6},
        };
        for (i = 0; i < sizeof re / sizeof re[0]; i++) {
            pu_line k, r;
            INT ok;
            b = re[i].start ? SysAllocString(re[i].start) : NULL;
            if (re[i].use_len)
                ok = SysReAllocStringLen(&b, re[i].src, re[i].len);
            else
                ok = SysReAllocString(&b, re[i].src);
            pu_reset(&k);
            pu_reset(&r);
            pu_add(&k, "Sys%s", re[i].label);
            pu_add(&r, "%08X ", (unsigned)ok);
            describe(&r, b, 1);
            pu_emit(&k, &r);
            SysFreeString(b);
        }
        /* a NULL source with a length: the length is set, the old
         * characters that fit are kept (as Windows documents for realloc) */
        for (n = 0; n <= 6; n += 3) {
            pu_line k, r;
            INT ok;
            b = SysAllocString(OLESTR("abcde"));
            ok = SysReAllocStringLen(&b, NULL, n);
            pu_reset(&k);
            pu_reset(&r);
            pu_add(&k, "SysReAllocStringLen(\"abcde\", NULL, %u)", n);
            pu_add(&r, "%08X ", (unsigned)ok);
            describe(&r, b, 0);
            pu_emit(&k, &r);
            SysFreeString(b);
        }
        /* the source inside the string being reallocated */
        {
            pu_line k, r;
            INT ok;
            b = SysAllocString(OLESTR("abcdef"));
            ok = SysReAllocStringLen(&b, b + 2, 3);
            pu_reset(&k);
            pu_reset(&r);
            pu_add(&k, "SysReAllocStringLen(\"abcdef\", itself+2, 3)");
            pu_add(&r, "%08X ", (unsigned)ok);
            describe(&r, b, 1);
            pu_emit(&k, &r);
            SysFreeString(b);
            b = SysAllocString(OLESTR("abcdef"));
            ok = SysReAllocString(&b, b + 1);
            pu_reset(&k);
            pu_reset(&r);
            pu_add(&k, "SysReAllocString(\"abcdef\", itself+1)");
            pu_add(&r, "%08X ", (unsigned)ok);
            describe(&r, b, 1);
            pu_emit(&k, &r);
            SysFreeString(b);
        }
        /* huge lengths leave the string alone */
        for (i = 0; i < sizeof huge / sizeof huge[0]; i++) {
            pu_line k, r;
            INT ok;
            b = SysAllocString(OLESTR("keep"));
            ok = SysReAllocStringLen(&b, NULL, huge[i]);
            pu_reset(&k);
            pu_reset(&r);
            pu_add(&k, "SysReAllocStringLen(\"keep\", NULL, 0x%08X)", huge[i]);
            pu_add(&r, "%08X ", (unsigned)ok);
            describe(&r, b, ok ? 0 : 1);
            pu_emit(&k, &r);
            SysFreeString(b);
        }
    }

    /* A BSTR made by hand from the byte layout reads back the same. */
    {
        pu_line k, r;
        b = SysAllocStringByteLen("\x01\x02\x03", 3);
        pu_reset(&k);
        pu_reset(&r);
        pu_add(&k, "SysStringLen(bytelen 3)");
        pu_add(&r, "%u %u", SysStringLen(b), SysStringByteLen(b));
        pu_emit(&k, &r);
        SysFreeString(b);
    }
    fflush(stdout);
    return 0;
}

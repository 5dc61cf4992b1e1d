/*
 * lhash_probe.c — LHashValOfNameSysA / LHashValOfNameSys: the hash type
 * libraries store with every name, over many names (identifiers, case
 * variants, digits, punctuation, Latin-1 and other non-ASCII text) under
 * every primary language, some sublanguages, and the three SYSKINDs.
 */
#include "probe_util.h"

static const char *const anames[] = {
    "", "a", "A", "z", "Z", "_", "0", "9", "abc", "ABC", "aBc", "IDispatch", "idispatch", "IDISPATCH",
    "QueryInterface", "get_Value", "put_Value", "_NewEnum", "__WIDL_generated_name_0001", "x1y2z3",
    "Item", "Count", "stdole", "OLE_COLOR", "a.b", "a-b", "a b", "a/b", "a$b", "@#%", "~`!^&*()",
    "{}[]|\\:;\"'<>,?", "\x7f", "\x80\x81\x9f", "\xa0\xa1\xbf", "\xc0\xc9\xd6\xdc\xdf", "\xe0\xe9\xf6\xfc\xff",
    "caf\xe9", "na\xefve", "Stra\xdf" "e", "\x82\xa0\x82\xa2", "\x88\x9f\x88\xa0", "\xb0\xa1\xb0\xa2",
    "LongNameLongNameLongNameLongNameLongNameLongNameLongNameLongNameLongName",
};

static const OLECHAR *const wnames[] = {
    OLESTR(""), OLESTR("abc"), OLESTR("ABC"), OLESTR("IDispatch"), OLESTR("get_Value"), OLESTR("_NewEnum"),
    OLESTR("caf\x00e9"), OLESTR("\x00c0\x00c9\x00d6\x00dc\x00df"), OLESTR("\x00e0\x00e9\x00f6\x00fc\x00ff"),
    OLESTR("\x20ac\x201a\x0192"), OLESTR("\x0152\x0153\x0160\x0161\x0178"), OLESTR("\x0391\x03b1\x03a9"),
    OLESTR("\x0410\x0430\x042f\x044f"), OLESTR("\x05d0\x05d1"), OLESTR("\x0627\x0628"), OLESTR("\x3042\x30a2"),
    OLESTR("\x4e00\x4e01"), OLESTR("\xac00\xac01"), OLESTR("\x0100\x0101\x017e"), OLESTR("\xff21\xff41"),
    OLESTR("x\x00a0y"), OLESTR("\x00b5\x00b2\x00bd"),
};

static void lcid_cases(LCID lcid, SYSKIND sk)
{
    size_t i;
    for (i = 0; i < sizeof anames / sizeof anames[0]; i++) {
        begin("A sys=%d lcid=%04X name#%u", (int)sk, (unsigned)lcid, (unsigned)i);
        pu_add(&res, "%08X", (unsigned)LHashValOfNameSysA(sk, lcid, anames[i]));
        end();
    }
    for (i = 0; i < sizeof wnames / sizeof wnames[0]; i++) {
        begin("W sys=%d lcid=%04X name#%u", (int)sk, (unsigned)lcid, (unsigned)i);
        pu_add(&res, "%08X", (unsigned)LHashValOfNameSys(sk, lcid, wnames[i]));
        end();
    }
}

int main(void)
{
    static const LCID extra[] = { 0x0000, 0x0400, 0x0800, 0x0804, 0x0c04, 0x1004, 0x1404, 0x0814, 0x0c14,
                                  0x0809, 0x0c09, 0x080a, 0x0c0a, 0x080c, 0x0807, 0x0810, 0x0816, 0x081d,
                                  0x0812, 0x0811, 0x7c04, 0x007f, 0x1000, 0x0c00 };
    size_t i;
    pu_start("lhash");
    begin("A NULL");
    pu_add(&res, "%08X", (unsigned)LHashValOfNameSysA(SYS_WIN32, 0x409, NULL));
    end();
    begin("W NULL");
    pu_add(&res, "%08X", (unsigned)LHashValOfNameSys(SYS_WIN32, 0x409, NULL));
    end();
    /* every primary language (sublanguage 1) on SYS_WIN32 */
    for (i = 1; i < 0x80; i++) lcid_cases((LCID)(0x400 | i), SYS_WIN32);
    for (i = 0; i < sizeof extra / sizeof extra[0]; i++) lcid_cases(extra[i], SYS_WIN32);
    /* the system kinds on a few languages */
    {
        static const LCID few[] = { 0x0409, 0x0407, 0x0411, 0x0419, 0x0401 };
        static const SYSKIND kinds[] = { SYS_WIN16, SYS_MAC, SYS_WIN64 };
        for (i = 0; i < sizeof few / sizeof few[0]; i++)
            for (size_t k = 0; k < 3; k++) lcid_cases(few[i], kinds[k]);
    }
    fflush(stdout);
    return 0;
}

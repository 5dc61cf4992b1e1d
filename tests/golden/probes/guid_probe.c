/*
 * guid_probe.c — GUID strings: CLSIDFromString / IIDFromString on well- and
 * ill-formed input, StringFromGUID2 with every interesting buffer size,
 * StringFromCLSID / StringFromIID.
 *
 * The output GUID is pre-filled with 0xAB bytes; "out=" shows it whenever
 * the call changed it (success or not), "untouched" when it did not.
 */
#include "probe_util.h"

static const OLECHAR *const inputs[] = {
    OLESTR(""),
    OLESTR("{00020400-0000-0000-C000-000000000046}"),
    OLESTR("{00020400-0000-0000-c000-000000000046}"),
    OLESTR("{0002aBcD-EeFf-0000-C000-00000000004f}"),
    OLESTR("{00000000-0000-0000-0000-000000000000}"),
    OLESTR("{FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF}"),
    OLESTR("{12345678-9ABC-DEF0-1234-56789ABCDEF0}"),
    OLESTR("00020400-0000-0000-C000-000000000046"),
    OLESTR("{00020400-0000-0000-C000-000000000046"),
    OLESTR("00020400-0000-0000-C000-000000000046}"),
    OLESTR("{00020400-0000-0000-C000-000000000046}x"),
    OLESTR("{00020400-0000-0000-C000-000000000046} "),
    OLESTR(" {00020400-0000-0000-C000-000000000046}"),
    OLESTR("{00020400-0000-0000-C000-000000000046}}"),
    OLESTR("{{00020400-0000-0000-C000-000000000046}"),
    OLESTR("(00020400-0000-0000-C000-000000000046)"),
    OLESTR("[00020400-0000-0000-C000-000000000046]"),
    OLESTR("{0020400-0000-0000-C000-000000000046}"),
    OLESTR("{000204000-0000-0000-C000-000000000046}"),
    OLESTR("{00020400-000-0000-C000-000000000046}"),
    OLESTR("{00020400-0000-00000-C000-000000000046}"),
    OLESTR("{00020400-0000-0000-C00-000000000046}"),
    OLESTR("{00020400-0000-0000-C000-00000000046}"),
    OLESTR("{00020400-0000-0000-C000-0000000000046}"),
    OLESTR("{00020400-0000-0000-C000-00000000004}"),
    OLESTR("{00020400-0000-0000-C0000-00000000046}"),
    OLESTR("{00020400:0000-0000-C000-000000000046}"),
    OLESTR("{00020400-0000-0000-C000:000000000046}"),
    OLESTR("{000204000000-0000-C000-000000000046}-"),
    OLESTR("{00020400-0000-0000-C000000000000046}"),
    OLESTR("{00020400-0000-0000-C000-00000000004G}"),
    OLESTR("{G0020400-0000-0000-C000-000000000046}"),
    OLESTR("{0002040g-0000-0000-C000-000000000046}"),
    OLESTR("{00020400-00g0-0000-C000-000000000046}"),
    OLESTR("{00020400-0000-0000-Cg00-000000000046}"),
    OLESTR("{0x020400-0000-0000-C000-000000000046}"),
    OLESTR("{+0020400-0000-0000-C000-000000000046}"),
    OLESTR("{ 0020400-0000-0000-C000-000000000046}"),
    OLESTR("{00020400-0000-0000-C000-000000000046 }"),
    OLESTR("{\xFF10" "0020400-0000-0000-C000-000000000046}"),
    OLESTR("{00020400-0000-0000-C000-000000000046]"),
    OLESTR("{"),
    OLESTR("}"),
    OLESTR("{}"),
    OLESTR("x"),
    OLESTR("No.Such.ProgID"),
    OLESTR("No.Such.ProgID.1"),
    OLESTR("{00020400-0000-0000-C000-000000000046}{00020400-0000-0000-C000-000000000046}"),
    OLESTR("00020400000000000C000000000000046"),
    OLESTR("{00020400000000000C00000000000004}"),
};

static void one(const char *fn, const OLECHAR *in, HRESULT (*conv)(LPCOLESTR, GUID *))
{
    pu_line key, res;
    GUID g, sentinel;
    HRESULT hr;
    memset(&sentinel, 0xAB, sizeof sentinel);
    g = sentinel;
    pu_reset(&key);
    pu_reset(&res);
    pu_add(&key, "%s(", fn);
    pu_wsz(&key, in);
    pu_add(&key, ")");
    hr = conv(in, &g);
    pu_hr(&res, hr);
    if (memcmp(&g, &sentinel, sizeof g) == 0)
        pu_add(&res, " untouched");
    else {
        pu_add(&res, " out=");
        pu_guid(&res, &g);
    }
    pu_emit(&key, &res);
}

static HRESULT clsid_from(LPCOLESTR s, GUID *g)
{
    return CLSIDFromString(s, g);
}

static HRESULT iid_from(LPCOLESTR s, GUID *g)
{
    return IIDFromString(s, g);
}

int main(void)
{
    static const GUID guids[] = {
        {0x00020400, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}},
        {0x00000000, 0x0000, 0x0000, {0, 0, 0, 0, 0, 0, 0, 0}},
        {0xFFFFFFFF, 0xFFFF, 0xFFFF, {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}},
        {0x12345678, 0x9ABC, 0xDEF0, {0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0}},
        {0x0000000A, 0x000B, 0x000C, {0x0D, 0x0E, 0x0F, 0x10, 0x01, 0x02, 0x03, 0xA0}},
    };
    static const int sizes[] = {-1, 0, 1, 2, 37, 38, 39, 40, 100};
    size_t i, k;

    pu_start("guid");
    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        one("CLSIDFromString", inputs[i], clsid_from);
        one("IIDFromString", inputs[i], iid_from);
    }
    one("CLSIDFromString", NULL, clsid_from);
    one("IIDFromString", NULL, iid_from);
    {
        /* a NULL output pointer */
        pu_line key, res;
        pu_reset(&key);
        pu_reset(&res);
        pu_add(&key, "CLSIDFromString(valid, NULL)");
        pu_hr(&res, CLSIDFromString(OLESTR("{00020400-0000-0000-C000-000000000046}"), NULL));
        pu_emit(&key, &res);
    }

    for (i = 0; i < sizeof guids / sizeof guids[0]; i++) {
        for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            OLECHAR buf[120];
            pu_line key, res;
            int n, j;
            for (j = 0; j < 120; j++)
                buf[j] = '~';
            pu_reset(&key);
            pu_reset(&res);
            pu_add(&key, "StringFromGUID2(");
            pu_guid(&key, &guids[i]);
            pu_add(&key, ", cch=%d)", sizes[k]);
            n = StringFromGUID2(&guids[i], buf, sizes[k]);
            pu_add(&res, "%08X buf=", (unsigned)n);
            pu_wstr(&res, buf, 42);
            pu_emit(&key, &res);
        }
        {
            LPOLESTR s = NULL;
            pu_line key, res;
            HRESULT hr;
            pu_reset(&key);
            pu_reset(&res);
            pu_add(&key, "StringFromCLSID(");
            pu_guid(&key, &guids[i]);
            pu_add(&key, ")");
            hr = StringFromCLSID(&guids[i], &s);
            pu_hr(&res, hr);
            if (SUCCEEDED(hr)) {
                pu_add(&res, " ");
                pu_wsz(&res, s);
            }
            CoTaskMemFree(s);
            pu_emit(&key, &res);

            s = NULL;
            pu_reset(&key);
            pu_reset(&res);
            pu_add(&key, "StringFromIID(");
            pu_guid(&key, &guids[i]);
            pu_add(&key, ")");
            hr = StringFromIID(&guids[i], &s);
            pu_hr(&res, hr);
            if (SUCCEEDED(hr)) {
                pu_add(&res, " ");
                pu_wsz(&res, s);
            }
            CoTaskMemFree(s);
            pu_emit(&key, &res);
        }
    }
    {
        /* round trip: every string StringFromGUID2 makes parses back */
        for (i = 0; i < sizeof guids / sizeof guids[0]; i++) {
            OLECHAR buf[40];
            GUID g;
            pu_line key, res;
            HRESULT hr;
            pu_reset(&key);
            pu_reset(&res);
            StringFromGUID2(&guids[i], buf, 40);
            memset(&g, 0, sizeof g);
            hr = CLSIDFromString(buf, &g);
            pu_add(&key, "roundtrip(");
            pu_guid(&key, &guids[i]);
            pu_add(&key, ")");
            pu_hr(&res, hr);
            pu_add(&res, " equal=%d", memcmp(&g, &guids[i], sizeof g) == 0);
            pu_emit(&key, &res);
        }
    }
    fflush(stdout);
    return 0;
}

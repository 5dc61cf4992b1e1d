/* Tests for base/guid.c: GUID strings both ways and CoCreateGuid. */
#include "comrt_test.h"

static const GUID GUID_NULL_for_test;
static const GUID sample = { 0x12345678, 0x9ABC, 0xDEF0, { 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF } };

TEST(string_round_trip)
{
    WCHAR buf[39];
    GUID g;
    CHECK_INT(StringFromGUID2(&sample, buf, 39), 39);
    CHECK_WSTR(buf, "{12345678-9ABC-DEF0-0123-456789ABCDEF}");
    CHECK_HR(CLSIDFromString(buf, &g), S_OK);
    CHECK(IsEqualGUID(&g, &sample));
    CHECK_HR(IIDFromString(buf, &g), S_OK);
    CHECK(IsEqualGUID(&g, &sample));
}

TEST(lower_case_accepted)
{
    GUID g;
    CHECK_HR(CLSIDFromString(u"{12345678-9abc-def0-0123-456789abcdef}", &g), S_OK);
    CHECK(IsEqualGUID(&g, &sample));
}

TEST(buffer_too_small)
{
    WCHAR buf[39];
    CHECK_INT(StringFromGUID2(&sample, buf, 38), 0);
}

TEST(null_string_is_guid_null)
{
    GUID g = sample;
    CHECK_HR(CLSIDFromString(NULL, &g), S_OK);
    CHECK(IsEqualGUID(&g, &GUID_NULL_for_test));
}

TEST(malformed)
{
    static const char16_t *bad[] = {
        u"", u"{", u"12345678-9ABC-DEF0-0123-456789ABCDEF", u"{12345678-9ABC-DEF0-0123-456789ABCDEF",
        u"{12345678-9ABC-DEF0-0123-456789ABCDEF}x", u"{12345678+9ABC-DEF0-0123-456789ABCDEF}",
        u"{1234567G-9ABC-DEF0-0123-456789ABCDEF}", u"{12345678-9ABC-DEF0-0123-456789ABCDE}}",
        u"{12345678-9ABC-DEF0-0123456789ABCDEF}", u"Some.ProgID",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        GUID g;
        HRESULT hr = CLSIDFromString(bad[i], &g);
        CHECK_MSG(hr == CO_E_CLASSSTRING, "CLSIDFromString(\"%s\") = 0x%08X", comrt_test_narrow(bad[i]), (unsigned)hr);
    }
    GUID g;
    CHECK_HR(IIDFromString(u"{12345678-9ABC-DEF0-0123-456789ABCDEF}x", &g), E_INVALIDARG);
    CHECK_HR(IIDFromString(u"{1234567G-9ABC-DEF0-0123-456789ABCDEF}", &g), CO_E_IIDSTRING);
    CHECK_HR(IIDFromString(u"[12345678-9ABC-DEF0-0123-456789ABCDEF]", &g), CO_E_IIDSTRING);
    CHECK_HR(CLSIDFromString(u"{12345678-9ABC-DEF0-0123-456789ABCDEF}", NULL), E_INVALIDARG);
}

TEST(string_from_clsid)
{
    LPOLESTR s = NULL;
    CHECK_HR(StringFromCLSID(&sample, &s), S_OK);
    CHECK_WSTR(s, "{12345678-9ABC-DEF0-0123-456789ABCDEF}");
    CoTaskMemFree(s);
    CHECK_HR(StringFromIID(&IID_IUnknown, &s), S_OK);
    CHECK_WSTR(s, "{00000000-0000-0000-C000-000000000046}");
    CoTaskMemFree(s);
}

TEST(create_guid_is_v4_and_unique)
{
    GUID a, b;
    CHECK_HR(CoCreateGuid(&a), S_OK);
    CHECK_HR(CoCreateGuid(&b), S_OK);
    CHECK(!IsEqualGUID(&a, &b));
    CHECK_INT(a.Data3 >> 12, 4);
    CHECK_INT(a.Data4[0] >> 6, 2);
    CHECK_HR(CoCreateGuid(NULL), E_INVALIDARG);
}

int main(void)
{
    RUN(string_round_trip);
    RUN(lower_case_accepted);
    RUN(buffer_too_small);
    RUN(null_string_is_guid_null);
    RUN(malformed);
    RUN(string_from_clsid);
    RUN(create_guid_is_v4_and_unique);
    return comrt_test_summary();
}

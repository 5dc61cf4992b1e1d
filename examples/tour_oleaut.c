/*
 * examples/tour_oleaut.c — a short tour of libcomrt's automation core from C,
 * written exactly as it would be on Windows (only the include differs).
 * `make demo` runs it.
 */
#include <stdio.h>

#include <comrt.h>

/* Prints a UTF-16 string (ASCII range) to stdout. */
static void put_wide(const OLECHAR *s)
{
    for (; s && *s; s++) putchar(*s < 0x80 ? (int)*s : '?');
}

static void show_conversion(const char *label, VARIANT *src, VARTYPE to, LCID lcid)
{
    VARIANT dst, text;
    HRESULT hr;

    VariantInit(&dst);
    VariantInit(&text);
    hr = VariantChangeTypeEx(&dst, src, lcid, 0, to);
    printf("  %-34s -> ", label);
    if (FAILED(hr)) {
        printf("%s\n", ComrtHResultName(hr) ? ComrtHResultName(hr) : "error");
        return;
    }
    if (SUCCEEDED(VariantChangeTypeEx(&text, &dst, lcid, 0, VT_BSTR))) {
        put_wide(V_BSTR(&text));
        printf("  (vt %u)\n", V_VT(&dst));
    }
    VariantClear(&text);
    VariantClear(&dst);
}

int main(void)
{
    GUID guid;
    OLECHAR guid_text[39];
    VARIANT v;
    BSTR s;
    SAFEARRAY *psa;
    SAFEARRAYBOUND bound = { 3, 0 };
    LONG i;

    printf("libcomrt %s\n\nGUIDs\n", ComrtVersion());
    CoCreateGuid(&guid);
    StringFromGUID2(&guid, guid_text, 39);
    printf("  CoCreateGuid                       -> ");
    put_wide(guid_text);
    printf("\n  IID_IDispatch                      -> ");
    StringFromGUID2(&IID_IDispatch, guid_text, 39);
    put_wide(guid_text);
    printf("\n\nBSTR\n");
    s = SysAllocString(OLESTR("length-prefixed"));
    printf("  SysStringLen(\"length-prefixed\")    -> %u chars, %u bytes\n", SysStringLen(s), SysStringByteLen(s));
    SysFreeString(s);

    printf("\nVariantChangeTypeEx (en-US unless noted)\n");
    VariantInit(&v);
    V_VT(&v) = VT_R8;
    V_R8(&v) = 2.5;
    show_conversion("R8 2.5 to I4 (banker's rounding)", &v, VT_I4, 0x409);
    V_R8(&v) = 3.5;
    show_conversion("R8 3.5 to I4", &v, VT_I4, 0x409);
    V_R8(&v) = 300;
    show_conversion("R8 300 to UI1", &v, VT_UI1, 0x409);
    V_R8(&v) = 1234.5678;
    show_conversion("R8 1234.5678 to CY", &v, VT_CY, 0x409);
    show_conversion("R8 1234.5678 to BSTR, de-DE", &v, VT_BSTR, 0x407);
    V_R8(&v) = 36526.5;
    show_conversion("R8 36526.5 to DATE", &v, VT_DATE, 0x409);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(OLESTR("&HFF"));
    show_conversion("BSTR \"&HFF\" to I4", &v, VT_I4, 0x409);
    VariantClear(&v);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(OLESTR("1.234,5"));
    show_conversion("BSTR \"1.234,5\" to R8, de-DE", &v, VT_R8, 0x407);
    VariantClear(&v);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(OLESTR("abc"));
    show_conversion("BSTR \"abc\" to I4", &v, VT_I4, 0x409);
    VariantClear(&v);
    V_VT(&v) = VT_BOOL;
    V_BOOL(&v) = VARIANT_TRUE;
    show_conversion("BOOL true to I2", &v, VT_I2, 0x409);

    printf("\nSAFEARRAY\n");
    psa = SafeArrayCreate(VT_BSTR, 1, &bound);
    for (i = 0; i < 3; i++) {
        static const OLECHAR *words[] = { OLESTR("alpha"), OLESTR("beta"), OLESTR("gamma") };
        BSTR w = SysAllocString(words[i]);
        SafeArrayPutElement(psa, &i, w); /* copies the string */
        SysFreeString(w);
    }
    printf("  VT_BSTR vector of %u, elements: ", psa->rgsabound[0].cElements);
    for (i = 0; i < 3; i++) {
        BSTR w = NULL;
        SafeArrayGetElement(psa, &i, &w);
        put_wide(w);
        printf(i < 2 ? ", " : "\n");
        SysFreeString(w);
    }
    SafeArrayDestroy(psa);
    return 0;
}

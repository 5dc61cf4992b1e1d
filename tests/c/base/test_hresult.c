/* Tests for base/hresult.c and the winerror.h macros. */
#include "comrt_test.h"

static const char *message(HRESULT hr)
{
    BSTR s = NULL;
    static char out[512];
    if (FAILED(ComrtHResultMessage(hr, &s))) return "(failed)";
    snprintf(out, sizeof out, "%s", comrt_test_narrow(s));
    SysFreeString(s);
    return out;
}

TEST(macros)
{
    CHECK(SUCCEEDED(S_FALSE));
    CHECK(FAILED(E_FAIL));
    CHECK_INT((uint32_t)MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200), 0x80040200u);
    CHECK_INT((uint32_t)HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND), 0x80070002u);
    CHECK_INT((uint32_t)HRESULT_FROM_WIN32(0), 0);
    CHECK_INT((uint32_t)E_INVALIDARG, (uint32_t)HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    CHECK_INT((uint32_t)E_OUTOFMEMORY, (uint32_t)HRESULT_FROM_WIN32(ERROR_OUTOFMEMORY));
    CHECK_INT(HRESULT_FACILITY(DISP_E_TYPEMISMATCH), FACILITY_DISPATCH);
    CHECK_INT(HRESULT_CODE(DISP_E_TYPEMISMATCH), 5);
}

TEST(names)
{
    CHECK(strcmp(ComrtHResultName(E_NOINTERFACE), "E_NOINTERFACE") == 0);
    CHECK(strcmp(ComrtHResultName(DISP_E_OVERFLOW), "DISP_E_OVERFLOW") == 0);
    CHECK(strcmp(ComrtHResultName(S_OK), "S_OK") == 0);
    CHECK(ComrtHResultName((HRESULT)0x8badf00d) == NULL);
}

TEST(messages)
{
    CHECK(strcmp(message(E_NOINTERFACE), "No such interface supported") == 0);
    CHECK(strcmp(message(DISP_E_TYPEMISMATCH), "Type mismatch.") == 0);
    CHECK(strcmp(message(HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)), "The system cannot find the file specified.") == 0);
    CHECK(strcmp(message((HRESULT)0x8badf00d), "Unknown error 0x8BADF00D") == 0);
    CHECK_HR(ComrtHResultMessage(E_FAIL, NULL), E_INVALIDARG);
}

int main(void)
{
    RUN(macros);
    RUN(names);
    RUN(messages);
    return comrt_test_summary();
}

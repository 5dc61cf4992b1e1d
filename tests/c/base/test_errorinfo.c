/* Tests for base/errorinfo.c: the error object and the per-thread slot. */
#define COBJMACROS
#include <pthread.h>

#include "comrt_test.h"

static IErrorInfo *make_error(const WCHAR *desc)
{
    ICreateErrorInfo *cei = NULL;
    IErrorInfo *ei = NULL;
    CHECK_HR(CreateErrorInfo(&cei), S_OK);
    ICreateErrorInfo_SetDescription(cei, (LPOLESTR)desc);
    ICreateErrorInfo_SetSource(cei, (LPOLESTR)u"comrt.test");
    ICreateErrorInfo_SetGUID(cei, &IID_IDispatch);
    ICreateErrorInfo_SetHelpContext(cei, 42);
    CHECK_HR(ICreateErrorInfo_QueryInterface(cei, &IID_IErrorInfo, (void **)&ei), S_OK);
    ICreateErrorInfo_Release(cei);
    return ei;
}

TEST(fields)
{
    IErrorInfo *ei = make_error(u"it broke");
    BSTR s = NULL;
    GUID g;
    DWORD ctx = 0;
    ISupportErrorInfo *sei = NULL;

    CHECK_HR(IErrorInfo_GetDescription(ei, &s), S_OK);
    CHECK_WSTR(s, "it broke");
    SysFreeString(s);
    CHECK_HR(IErrorInfo_GetSource(ei, &s), S_OK);
    CHECK_WSTR(s, "comrt.test");
    SysFreeString(s);
    CHECK_HR(IErrorInfo_GetHelpFile(ei, &s), S_OK);
    CHECK(s == NULL);
    CHECK_HR(IErrorInfo_GetGUID(ei, &g), S_OK);
    CHECK(IsEqualGUID(&g, &IID_IDispatch));
    CHECK_HR(IErrorInfo_GetHelpContext(ei, &ctx), S_OK);
    CHECK_INT(ctx, 42);
    CHECK_HR(IErrorInfo_QueryInterface(ei, &IID_ISupportErrorInfo, (void **)&sei), S_OK);
    CHECK_HR(ISupportErrorInfo_InterfaceSupportsErrorInfo(sei, &IID_IDispatch), S_OK);
    CHECK_HR(ISupportErrorInfo_InterfaceSupportsErrorInfo(sei, &IID_IUnknown), S_FALSE);
    ISupportErrorInfo_Release(sei);
    CHECK_INT(IErrorInfo_Release(ei), 0);
}

TEST(thread_slot)
{
    IErrorInfo *ei = make_error(u"x"), *got = NULL;

    CHECK_HR(SetErrorInfo(0, ei), S_OK);
    CHECK_HR(GetErrorInfo(0, &got), S_OK);
    CHECK(got == ei);
    IErrorInfo_Release(got);
    CHECK_HR(GetErrorInfo(0, &got), S_FALSE); /* taken once */
    CHECK(got == NULL);
    CHECK_HR(SetErrorInfo(0, ei), S_OK);
    CHECK_HR(SetErrorInfo(0, NULL), S_OK); /* clears and releases */
    CHECK_INT(IErrorInfo_Release(ei), 0);
    CHECK_HR(SetErrorInfo(1, NULL), E_INVALIDARG);
    CHECK_HR(GetErrorInfo(0, NULL), E_INVALIDARG);
}

static IErrorInfo *seen_in_thread;

static void *other_thread(void *arg)
{
    IErrorInfo *got = NULL;
    GetErrorInfo(0, &got);
    seen_in_thread = got;
    SetErrorInfo(0, (IErrorInfo *)arg); /* left in the slot: released at thread exit */
    return NULL;
}

TEST(per_thread)
{
    IErrorInfo *ei = make_error(u"main");
    pthread_t t;

    SetErrorInfo(0, ei);
    pthread_create(&t, NULL, other_thread, ei);
    pthread_join(t, NULL);
    CHECK(seen_in_thread == NULL); /* another thread's slot is its own */
    SetErrorInfo(0, NULL);
    CHECK_INT(IErrorInfo_Release(ei), 0); /* the thread's reference went at its exit */
}

int main(void)
{
    RUN(fields);
    RUN(thread_slot);
    RUN(per_thread);
    return comrt_test_summary();
}

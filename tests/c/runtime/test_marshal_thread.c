/*
 * test_marshal_thread.c — CoMarshalInterThreadInterfaceInStream and
 * CoGetInterfaceAndReleaseStream (lib/runtime/marshal_thread.c): an object
 * of STA A handed to the MTA and to STA B, objects of B and of the MTA
 * handed to A; calls run in the object's home; references balance (the
 * record's own one too, also when it is never unmarshalled); records used
 * twice, from another process, damaged or cut short; a home that goes
 * before the unmarshal.
 */
#include "xapt_test_util.h"

#include <stdint.h>

static apt_thread A, B;

/* ---- handing over ------------------------------------------------------------ */

typedef struct {
    XObj *obj;
    IStream *stm;
    HRESULT hr;
    const IID *iid;
} marshal_job;

/* In the object's home: marshal it (riid job->iid, IDispatch by default). */
static void marshal_in(void *ctx)
{
    marshal_job *j = ctx;
    j->hr = CoMarshalInterThreadInterfaceInStream(j->iid ? j->iid : &IID_IDispatch, (IUnknown *)&j->obj->iface,
                                                  &j->stm);
}

/* In the receiving apartment: unmarshal, call twice, check it is a proxy
 * (not the object), release. */
static void unmarshal_and_call(void *ctx)
{
    marshal_job *j = ctx;
    IDispatch *p = NULL;
    j->hr = CoGetInterfaceAndReleaseStream(j->stm, &IID_IDispatch, (void **)&p);
    j->stm = NULL;
    if (FAILED(j->hr)) return;
    CHECK(p != &j->obj->iface);
    CHECK_HR(x_call(p), S_OK);
    CHECK_HR(x_call(p), S_OK);
    CHECK_INT(IDispatch_Release(p), 0);
}

static void unmarshal_in_mta(void *ctx) { unmarshal_and_call(ctx); }

/* An object made in `from` reaches `to` (NULL: an MTA thread of its own):
 * two calls, both in from's apartment; the object ends with its one
 * reference. */
static void hand_over(apt_thread *from, apt_thread *to)
{
    marshal_job j = {0};
    LONG before = x_live_now();
    run_in(from, x_make_obj, &j.obj);
    run_in(from, marshal_in, &j);
    CHECK_HR(j.hr, S_OK);
    CHECK_INT(x_refs(j.obj), 2); /* the record's reference */
    if (to)
        run_in(to, unmarshal_and_call, &j);
    else
        x_run_thread(COINIT_MULTITHREADED, unmarshal_in_mta, &j);
    CHECK_HR(j.hr, S_OK);
    CHECK_INT(j.obj->calls, 2);
    run_in(from, x_noop, NULL); /* what was posted to from has run */
    CHECK_INT(x_refs(j.obj), 1);
    run_in(from, x_release_obj, &j.obj);
    CHECK_INT(x_live_after(before), before);
}

TEST(sta_to_mta) { hand_over(&A, NULL); }
TEST(sta_to_sta) { hand_over(&A, &B); }
TEST(sta_b_to_sta_a) { hand_over(&B, &A); }

/* An MTA object reaches STA A: its calls run in the MTA, not on A. */
static void mta_to_sta_body(void *ctx)
{
    marshal_job j = {0};
    (void)ctx;
    j.obj = x_new();
    CHECK(j.obj->home_mta);
    marshal_in(&j);
    CHECK_HR(j.hr, S_OK);
    run_in(&A, unmarshal_and_call, &j);
    CHECK_HR(j.hr, S_OK);
    CHECK_INT(j.obj->calls, 2);
    for (int i = 0; i < 500 && x_refs(j.obj) != 1; i++) usleep(10000);
    CHECK_INT(x_refs(j.obj), 1);
    CHECK_INT(IDispatch_Release(&j.obj->iface), 0);
}

TEST(mta_to_sta) { x_run_thread(COINIT_MULTITHREADED, mta_to_sta_body, NULL); }

/* ---- within one apartment ------------------------------------------------------ */

TEST(same_apartment)
{
    XObj *o = x_new();
    IStream *s = NULL;
    IUnknown *u = NULL;
    LARGE_INTEGER z;
    ULARGE_INTEGER pos;

    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, (IUnknown *)&o->iface, &s), S_OK);
    CHECK_INT(x_refs(o), 2);
    z.QuadPart = 0;
    CHECK_HR(IStream_Seek(s, z, STREAM_SEEK_CUR, &pos), S_OK);
    CHECK_INT(pos.QuadPart, 0);
    CHECK_HR(CoGetInterfaceAndReleaseStream(s, &IID_IUnknown, (void **)&u), S_OK);
    CHECK(u == (IUnknown *)&o->iface); /* the object itself, no proxy */
    CHECK_INT(x_refs(o), 2);           /* the caller's; the record's is gone */
    IUnknown_Release(u);
    CHECK_INT(IDispatch_Release(&o->iface), 0);
    CHECK_INT(x_violations, 0);
}

/* ---- records used wrongly --------------------------------------------------------- */

TEST(unmarshal_twice)
{
    XObj *o = x_new();
    IStream *s = NULL;
    void *pv = NULL;
    LARGE_INTEGER z;

    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, (IUnknown *)&o->iface, &s), S_OK);
    IStream_AddRef(s);
    CHECK_HR(CoGetInterfaceAndReleaseStream(s, &IID_IDispatch, &pv), S_OK);
    IDispatch_Release((IDispatch *)pv);
    z.QuadPart = 0;
    IStream_Seek(s, z, STREAM_SEEK_SET, NULL);
    pv = (void *)1;
    CHECK_HR(CoGetInterfaceAndReleaseStream(s, &IID_IDispatch, &pv), CO_E_OBJNOTCONNECTED);
    CHECK(pv == (void *)1); /* untouched */
    CHECK_INT(IDispatch_Release(&o->iface), 0);
}

TEST(never_unmarshalled_is_released_with_the_stream)
{
    XObj *o = x_new();
    IStream *s = NULL, *c = NULL;
    void *pv = NULL;

    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, (IUnknown *)&o->iface, &s), S_OK);
    CHECK_INT(x_refs(o), 2);
    CHECK_INT(IStream_Release(s), 0);
    CHECK_INT(x_refs(o), 1);

    /* A clone keeps the record alive; it can be unmarshalled from there. */
    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, (IUnknown *)&o->iface, &s), S_OK);
    CHECK_HR(IStream_Clone(s, &c), S_OK);
    CHECK_INT(IStream_Release(s), 0);
    CHECK_INT(x_refs(o), 2);
    CHECK_HR(CoGetInterfaceAndReleaseStream(c, &IID_IDispatch, &pv), S_OK);
    CHECK(pv == &o->iface);
    IDispatch_Release((IDispatch *)pv);
    CHECK_INT(IDispatch_Release(&o->iface), 0);
}

/* Copies s's bytes (from 0) into a new stream; byte `at` xor'ed with flip
 * (at < 0: none), cut to len bytes (len < 0: all). */
static IStream *copy_record(IStream *s, int at, unsigned char flip, int len)
{
    unsigned char buf[128];
    ULONG n = 0;
    IStream *d = NULL;
    LARGE_INTEGER z;
    z.QuadPart = 0;
    IStream_Seek(s, z, STREAM_SEEK_SET, NULL);
    IStream_Read(s, buf, sizeof buf, &n);
    IStream_Seek(s, z, STREAM_SEEK_SET, NULL);
    if (at >= 0 && (ULONG)at < n) buf[at] ^= flip;
    if (len >= 0 && (ULONG)len < n) n = (ULONG)len;
    CreateStreamOnHGlobal(NULL, TRUE, &d);
    IStream_Write(d, buf, n, NULL);
    IStream_Seek(d, z, STREAM_SEEK_SET, NULL);
    return d;
}

TEST(bad_records)
{
    static const struct {
        int at;
        unsigned char flip;
        int len;
        HRESULT want;
    } cases[] = {
        {-1, 0, 0, STG_E_READFAULT},          /* empty */
        {-1, 0, 20, STG_E_READFAULT},         /* cut short */
        {0, 0x20, -1, RPC_E_INVALID_OBJREF},  /* magic */
        {0, 0x20, 5, RPC_E_INVALID_OBJREF},   /* magic, short */
        {9, 0x02, -1, RPC_E_INVALID_OBJREF},  /* version */
        {10, 0x01, -1, RPC_E_INVALID_OBJREF}, /* size */
        {12, 0x01, -1, CO_E_OBJNOTCONNECTED}, /* another process id */
        {16, 0x80, -1, CO_E_OBJNOTCONNECTED}, /* another process (nonce) */
        {24, 0x01, -1, CO_E_OBJNOTCONNECTED}, /* a cookie nobody has */
    };
    XObj *o = x_new();
    IStream *s = NULL;
    void *pv;
    size_t i;

    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, (IUnknown *)&o->iface, &s), S_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        IStream *d = copy_record(s, cases[i].at, cases[i].flip, cases[i].len);
        pv = (void *)1;
        IStream_AddRef(d);
        HRESULT hr = CoGetInterfaceAndReleaseStream(d, &IID_IDispatch, &pv);
        CHECK_MSG(hr == cases[i].want, "case %zu (byte %d, len %d): 0x%08X, expected 0x%08X", i, cases[i].at,
                  cases[i].len, (unsigned)hr, (unsigned)cases[i].want);
        CHECK_MSG(pv == (void *)1, "case %zu: ppv written", i);
        CHECK_MSG(IStream_Release(d) == 0, "case %zu: the stream was not released", i);
    }
    /* None of that consumed the real record. */
    CHECK_INT(x_refs(o), 2);
    CHECK_HR(CoGetInterfaceAndReleaseStream(s, &IID_IDispatch, &pv), S_OK);
    IDispatch_Release((IDispatch *)pv);
    CHECK_INT(IDispatch_Release(&o->iface), 0);
}

TEST(arguments)
{
    XObj *o = x_new();
    IStream *s = (IStream *)1;
    void *pv = (void *)1;

    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, (IUnknown *)&o->iface, NULL), E_INVALIDARG);
    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, NULL, &s), E_INVALIDARG);
    CHECK(s == NULL);
    s = (IStream *)1;
    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IStream, (IUnknown *)&o->iface, &s), E_NOINTERFACE);
    CHECK(s == NULL);
    CHECK_HR(CoGetInterfaceAndReleaseStream(NULL, &IID_IDispatch, &pv), E_INVALIDARG);

    /* An IID the object lacks: E_NOINTERFACE, *ppv NULL, the record used up. */
    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, (IUnknown *)&o->iface, &s), S_OK);
    CHECK_HR(CoGetInterfaceAndReleaseStream(s, &IID_IStream, &pv), E_NOINTERFACE);
    CHECK(pv == NULL);
    /* NULL ppv: E_INVALIDARG, and the stream is released all the same. */
    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, (IUnknown *)&o->iface, &s), S_OK);
    CHECK_HR(CoGetInterfaceAndReleaseStream(s, &IID_IDispatch, NULL), E_INVALIDARG);
    CHECK_INT(IDispatch_Release(&o->iface), 0);
}

/* The object's apartment ends before the unmarshal: the record's reference
 * is released there, the record answers CO_E_OBJNOTCONNECTED. */
TEST(home_gone)
{
    apt_thread C;
    marshal_job j = {0};
    void *pv = (void *)1;
    LONG before = x_live_now();

    apt_start(&C, COINIT_APARTMENTTHREADED);
    run_in(&C, x_make_obj, &j.obj);
    run_in(&C, marshal_in, &j);
    CHECK_HR(j.hr, S_OK);
    run_in(&C, x_release_obj, &j.obj);
    CHECK_INT(x_live_now(), before + 1); /* the record holds it */
    apt_stop(&C);
    CHECK_INT(x_live_now(), before); /* released in C as it ended */
    CHECK_HR(CoGetInterfaceAndReleaseStream(j.stm, &IID_IDispatch, &pv), CO_E_OBJNOTCONNECTED);
    CHECK(pv == (void *)1);
}

/* Many threads hand objects to each other at once. */
static void *storm_main(void *arg)
{
    int k;
    (void)arg;
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    for (k = 0; k < 50; k++) {
        marshal_job j = {0};
        run_in(&A, x_make_obj, &j.obj);
        run_in(&A, marshal_in, &j);
        if (j.hr != S_OK) {
            CHECK_HR(j.hr, S_OK);
            break;
        }
        unmarshal_and_call(&j);
        CHECK_HR(j.hr, S_OK);
        run_in(&A, x_release_obj, &j.obj);
    }
    CoUninitialize();
    return NULL;
}

TEST(storm)
{
    pthread_t th[6];
    LONG before = x_live_now();
    int i;
    for (i = 0; i < 6; i++) pthread_create(&th[i], NULL, storm_main, NULL);
    for (i = 0; i < 6; i++) pthread_join(th[i], NULL);
    run_in(&A, x_noop, NULL);
    CHECK_INT(x_live_after(before), before);
}

/* Outside any apartment (run before anything starts the MTA). */
TEST(outside)
{
    XObj o = {{&x_vtbl}, 1, pthread_self(), FALSE, 0};
    IStream *s = (IStream *)1;
    CHECK_HR(CoMarshalInterThreadInterfaceInStream(&IID_IDispatch, (IUnknown *)&o.iface, &s), CO_E_NOTINITIALIZED);
    CHECK(s == NULL);
    CHECK_INT(o.refs, 1);
}

/* After every apartment ended: no object left, no call in the wrong place. */
TEST(balanced)
{
    CHECK_INT(x_live_now(), 0);
    CHECK_INT(x_violations, 0);
}

int main(void)
{
    RUN(outside);
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    apt_start(&A, COINIT_APARTMENTTHREADED);
    apt_start(&B, COINIT_APARTMENTTHREADED);
    RUN(same_apartment);
    RUN(sta_to_mta);
    RUN(sta_to_sta);
    RUN(sta_b_to_sta_a);
    RUN(mta_to_sta);
    RUN(unmarshal_twice);
    RUN(never_unmarshalled_is_released_with_the_stream);
    RUN(bad_records);
    RUN(arguments);
    RUN(home_gone);
    RUN(storm);
    apt_stop(&B);
    apt_stop(&A);
    CoUninitialize();
    RUN(balanced);
    return comrt_test_summary();
}

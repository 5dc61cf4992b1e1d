/*
 * fuzz/fuzz_moniker.c — moniker persistence and display-name parsing on
 * arbitrary bytes.  The first byte picks the target: IPersistStream::Load
 * of a class, item, file or composite moniker from the rest (Windows'
 * stream formats: what a ROT or a saved document hands comrt), or
 * MkParseDisplayName on the rest as UTF-16.  A moniker that loads must then
 * answer GetDisplayName, Hash, IsEqual and Save without fault, and what it
 * saves must load again into an equal moniker.
 */
#define COBJMACROS
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <comrt.h>

#include "comrt_memstream.h"
#include "fuzz_util.h"

static IMoniker *new_moniker(int kind)
{
    IMoniker *mk = NULL, *a = NULL, *b = NULL;
    switch (kind) {
    case 0: CreateClassMoniker(&GUID_NULL, &mk); break;
    case 1: CreateItemMoniker(OLESTR("!"), OLESTR("item"), &mk); break;
    case 2: CreateFileMoniker(OLESTR("/tmp/file"), &mk); break;
    default:
        CreateItemMoniker(OLESTR("!"), OLESTR("a"), &a);
        CreateItemMoniker(OLESTR("!"), OLESTR("b"), &b);
        if (a && b) CreateGenericComposite(a, b, &mk);
        if (a) IMoniker_Release(a);
        if (b) IMoniker_Release(b);
    }
    return mk;
}

/* Everything a loaded (or parsed) moniker must survive. */
static void exercise(IMoniker *mk, IBindCtx *bc, int kind)
{
    LPOLESTR name = NULL;
    DWORD hash = 0;
    memstream *out = memstream_create();
    if (SUCCEEDED(IMoniker_GetDisplayName(mk, bc, NULL, &name))) CoTaskMemFree(name);
    IMoniker_Hash(mk, &hash);
    if (IMoniker_IsEqual(mk, mk) != S_OK) abort();
    if (kind < 4 && IMoniker_Save(mk, &out->IStream_iface, FALSE) == S_OK) {
        IMoniker *again = new_moniker(kind);
        memstream_rewind(out);
        if (again) {
            if (IMoniker_Load(again, &out->IStream_iface) != S_OK || IMoniker_IsEqual(mk, again) != S_OK) abort();
            IMoniker_Release(again);
        }
    }
    IStream_Release(&out->IStream_iface);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    IBindCtx *bc = NULL;
    IMoniker *mk = NULL;
    int kind;

    if (!ready) {
        /* ProgID lookups of "Name:rest" must not reach a real registry. */
        char path[64];
        snprintf(path, sizeof path, "/tmp/comrt-fuzz-moniker-%d.db", (int)getpid());
        setenv("COMRT_REGISTRY", path, 1);
        setenv("COMRT_SYSTEM_REGISTRY", path, 1);
        CoInitializeEx(NULL, COINIT_MULTITHREADED);
        ready = 1;
    }
    if (size < 1 || CreateBindCtx(0, &bc) != S_OK) return 0;
    kind = data[0] % 5;
    if (kind < 4) {
        memstream *in = memstream_from(data + 1, size - 1);
        mk = new_moniker(kind);
        if (mk && IMoniker_Load(mk, &in->IStream_iface) == S_OK) exercise(mk, bc, kind);
        IStream_Release(&in->IStream_iface);
    } else {
        WCHAR *s = comrt_fuzz_utf16(data + 1, size - 1);
        ULONG eaten = 0;
        if (s && MkParseDisplayName(bc, s, &eaten, &mk) == S_OK) exercise(mk, bc, kind);
        free(s);
    }
    if (mk) IMoniker_Release(mk);
    IBindCtx_Release(bc);
    return 0;
}

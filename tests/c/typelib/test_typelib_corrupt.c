/* Tests for lib/typelib on hostile input: the corrupt fixtures, every
 * truncation of real libraries, and thousands of deterministic byte
 * mutations, each loaded from memory and walked through the whole API.
 * Under ASan+UBSan this is the proof that no offset escapes its bounds. */
#define COBJMACROS
#include "comrt_test.h"
#include "typelib/tlb_fixture.h"
#include "typelib/tlb_walk.h"
#include "typelib/typelib_model.h"

TEST(corrupt_fixtures)
{
    static const struct { const char *name; HRESULT hr; } cases[] = {
        /* not a type library at all: what oleaut32 answers */
        { "bad_empty.tlb", TYPE_E_CANTLOADLIBRARY },
        { "bad_text.tlb", TYPE_E_CANTLOADLIBRARY },
        { "bad_magic.tlb", TYPE_E_CANTLOADLIBRARY },
        { "bad_zero_header.tlb", TYPE_E_CANTLOADLIBRARY },
        { "bad_pe_sig.dll", TYPE_E_CANTLOADLIBRARY },
        { "bad_trunc_header.tlb", TYPE_E_CANTLOADLIBRARY },
        /* MSFT with broken structure (Wine 8 crashes on these) */
        { "bad_trunc_segdir.tlb", TYPE_E_INVDATAREAD },
        { "bad_trunc_half.tlb", TYPE_E_INVDATAREAD },
        { "bad_seg_typeinfo.tlb", TYPE_E_INVDATAREAD },
        { "bad_seg_name.tlb", TYPE_E_INVDATAREAD },
        { "bad_seg_string.tlb", TYPE_E_INVDATAREAD },
        { "bad_ntypes.tlb", TYPE_E_INVDATAREAD },
        /* loadable, as oleaut32 finds them */
        { "bad_seg_namelen.tlb", S_OK },
        { "bad_pe_trunc.dll", S_OK },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ITypeLib *lib = NULL;
        HRESULT hr = LoadTypeLib(tlb_fixture(cases[i].name), &lib);
        CHECK_MSG(hr == cases[i].hr, "LoadTypeLib(%s) = 0x%08X, expected 0x%08X", cases[i].name, (unsigned)hr,
                  (unsigned)cases[i].hr);
        if (lib) {
            tlb_walk(lib);
            CHECK_INT(ITypeLib_Release(lib), 0);
        }
    }
}

/* Loads bytes from memory, walks the result, releases it. */
static HRESULT load_and_walk(const unsigned char *data, size_t size)
{
    ITypeLib *lib = NULL;
    HRESULT hr = comrt__typelib_load_memory(data, size, 1, NULL, &lib);
    if (hr == S_OK) {
        tlb_walk(lib);
        if (ITypeLib_Release(lib) != 0) hr = E_UNEXPECTED;
    }
    return hr;
}

TEST(every_truncation)
{
    static const char *files[] = { "comrt_all.tlb", "comrt_base32.tlb", "pe64_one.dll" };
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        size_t size = 0;
        unsigned char *data = tlb_fixture_bytes(files[f], &size);
        CHECK(data != NULL);
        if (!data) continue;
        CHECK_HR(load_and_walk(data, size), S_OK);
        for (size_t cut = 0; cut < size; cut += (size > 4000 ? 13 : 1)) {
            /* an exact-size copy, so ASan sees the end */
            unsigned char *copy = malloc(cut ? cut : 1);
            memcpy(copy, data, cut);
            HRESULT hr = load_and_walk(copy, cut);
            CHECK_MSG(hr != E_UNEXPECTED, "%s cut at %zu leaked a reference", files[f], cut);
            free(copy);
        }
        free(data);
    }
}

TEST(byte_mutations)
{
    size_t size = 0;
    unsigned char *data = tlb_fixture_bytes("comrt_all.tlb", &size);
    uint32_t seed = 12345;
    unsigned loaded = 0;
    CHECK(data != NULL);
    if (!data) return;
    for (int iter = 0; iter < 3000; iter++) {
        unsigned char *copy = malloc(size);
        int flips = 1 + iter % 8;
        memcpy(copy, data, size);
        for (int k = 0; k < flips; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % size;
            seed = seed * 1103515245u + 12345u;
            /* favour values that make offsets and counts hostile */
            static const unsigned char vals[] = { 0x00, 0xFF, 0x7F, 0x80, 0x01, 0x40 };
            copy[at] = (k & 1) ? (unsigned char)(seed >> 16) : vals[(seed >> 16) % sizeof vals];
        }
        HRESULT hr = load_and_walk(copy, size);
        CHECK_MSG(hr != E_UNEXPECTED, "mutation %d leaked a reference", iter);
        if (hr == S_OK) loaded++;
        free(copy);
    }
    CHECK(loaded > 100); /* most single flips still load: the walk saw real data */
    free(data);
}

TEST(model_caps)
{
    /* a header claiming more types than the cap */
    unsigned char hdr[0x54 + 15 * 16] = { 'M', 'S', 'F', 'T', 2, 0, 1, 0 };
    hdr[0x20] = 0xFF;
    hdr[0x21] = 0xFF;
    hdr[0x22] = 0xFF;
    hdr[0x23] = 0x7F;
    CHECK_HR(load_and_walk(hdr, sizeof hdr), TYPE_E_INVDATAREAD);
}

int main(void)
{
    RUN(corrupt_fixtures);
    RUN(every_truncation);
    RUN(byte_mutations);
    RUN(model_caps);
    return comrt_test_summary();
}

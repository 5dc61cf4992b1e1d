/*
 * fuzz/fuzz_typelib.c — arbitrary bytes as a type-library file: through
 * the PE resource finder and the MSFT reader (comrt__typelib_load_memory,
 * what LoadTypeLib does after reading the file), then every type, member,
 * name, string, custom datum, reference and binding walked through the
 * public API and released.  A crash, an out-of-bounds read or a leaked
 * reference is a bug.
 */
#define COBJMACROS
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

#include "../tests/c/typelib/tlb_walk.h"
#include "typelib/typelib_model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ITypeLib *lib = NULL;
    /* an exact-size copy, so reads past the end are caught */
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy) return 0;
    memcpy(copy, data, size);
    if (comrt__typelib_load_memory(copy, size, 1, NULL, &lib) == S_OK) {
        tlb_walk(lib);
        if (ITypeLib_Release(lib) != 0) abort();
    }
    /* a PE file's second resource, when it has one */
    if (size > 2 && copy[0] == 'M' && comrt__typelib_load_memory(copy, size, 2, NULL, &lib) == S_OK) {
        tlb_walk(lib);
        if (ITypeLib_Release(lib) != 0) abort();
    }
    free(copy);
    return 0;
}

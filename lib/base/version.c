/*
 * base/version.c — the library's version string, from meson.build.
 */
#include <comrt.h>

const char *ComrtVersion(void) { return COMRT_VERSION; }

/*
 * comrt/initguid.h — include first in the one file that should define the
 * GUID constants that later DEFINE_GUID lines name (as on Windows).
 */
#ifndef INITGUID
#define INITGUID
#endif
#include "guiddef.h"
#undef DEFINE_GUID
#define DEFINE_GUID COMRT_DEFINE_GUID_INSTANCE

/* comrt/combaseapi.h — the SDK name for part of objbase.h. */
#include "objbase.h"

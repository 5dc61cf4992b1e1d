/* comrt/ole2.h — as on Windows, brings in the OLE headers. */
#include "objbase.h"
#include "oleauto.h"
#include "ocidl.h"

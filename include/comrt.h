/*
 * comrt.h — the whole comrt API, as <windows.h> + <ole2.h> + <oleauto.h> give
 * it on Windows.  The SDK's split headers are under <comrt/...> too.
 */
#ifndef COMRT_H
#define COMRT_H

#include "comrt/wtypesbase.h"
#include "comrt/winerror.h"
#include "comrt/guiddef.h"
#include "comrt/basetyps.h"
#include "comrt/wtypes.h"
#include "comrt/unknwn.h"
#include "comrt/objidl.h"
#include "comrt/objbase.h"
#include "comrt/oaidl.h"
#include "comrt/oleauto.h"
#include "comrt/ocidl.h"
#include "comrt/olectl.h"
#include "comrt/synchapi.h"
#include "comrt/winbase.h"
#include "comrt/winreg.h"
#include "comrt/comrtext.h"

#endif /* COMRT_H */

/*
 * comrt/objbase.h — ole32's flat API: task memory, GUID strings, ProgIDs,
 * apartments, activation, class objects, monikers and the running object
 * table.  (The SDK splits this with combaseapi.h; both names work.)
 */
#ifndef COMRT_OBJBASE_H
#define COMRT_OBJBASE_H

#include "objidl.h"
#include "synchapi.h"

COMRT_BEGIN_DECLS

/* Task memory: the allocator every COM [out] buffer comes from.
 * CoTaskMemAlloc(0) returns a valid, unique pointer; CoTaskMemFree(NULL) is a no-op. */
WINOLEAPI_(LPVOID) CoTaskMemAlloc(SIZE_T cb);
WINOLEAPI_(LPVOID) CoTaskMemRealloc(LPVOID pv, SIZE_T cb);
WINOLEAPI_(void) CoTaskMemFree(LPVOID pv);
/* *ppMalloc receives the process task allocator (AddRef'ed; Release it).
 * dwMemContext must be 1 (MEMCTX_TASK). */
WINOLEAPI CoGetMalloc(DWORD dwMemContext, LPMALLOC *ppMalloc);
#define MEMCTX_TASK 1

/* "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" <-> GUID. */
WINOLEAPI CLSIDFromString(LPCOLESTR lpsz, LPCLSID pclsid);
WINOLEAPI IIDFromString(LPCOLESTR lpsz, LPIID lpiid);
/* Writes 39 characters incl. the NUL; returns that count, or 0 if cchMax is too small. */
WINOLEAPI_(int) StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax);
/* *lplpsz receives a CoTaskMemAlloc'ed string; free with CoTaskMemFree. */
WINOLEAPI StringFromCLSID(REFCLSID rclsid, LPOLESTR *lplpsz);
WINOLEAPI StringFromIID(REFIID rclsid, LPOLESTR *lplpsz);
/* A random (version 4) GUID. */
WINOLEAPI CoCreateGuid(GUID *pguid);

/* ProgIDs and class emulation, read from HKEY_CLASSES_ROOT.
 * CLSIDFromProgID(Ex): <ProgID>\CLSID, following <ProgID>\CurVer when a
 * ProgID has no CLSID; CO_E_CLASSSTRING (and CLSID_NULL) when not found.
 * ProgIDFromCLSID: *lplpszProgID receives a CoTaskMemAlloc'ed string; free
 * with CoTaskMemFree.  CoGetTreatAsClass: S_FALSE and the same CLSID when
 * the class has no TreatAs.  CoTreatAsClass: clsidNew = CLSID_NULL removes
 * the emulation. */
WINOLEAPI CLSIDFromProgID(LPCOLESTR lpszProgID, LPCLSID lpclsid);
WINOLEAPI CLSIDFromProgIDEx(LPCOLESTR lpszProgID, LPCLSID lpclsid);
WINOLEAPI ProgIDFromCLSID(REFCLSID clsid, LPOLESTR *lplpszProgID);
WINOLEAPI CoGetTreatAsClass(REFCLSID clsidOld, LPCLSID pClsidNew);
WINOLEAPI CoTreatAsClass(REFCLSID clsidOld, REFCLSID clsidNew);

/* ---- Apartments (lib/runtime/apartment.c) ----------------------------------
 * A thread joins an apartment with CoInitialize(Ex) and leaves it with as many
 * CoUninitialize calls.  A single-threaded apartment (STA) belongs to one
 * thread and has a work queue: other threads post calls to it, and the STA
 * runs them while it waits in CoWaitForMultipleHandles or pumps
 * (ComrtPumpApartment).  The process has one multithreaded apartment (MTA),
 * alive while any thread is in it. */
typedef enum tagCOINIT {
    COINIT_APARTMENTTHREADED = 0x2,
    COINIT_MULTITHREADED = 0x0,
    COINIT_DISABLE_OLE1DDE = 0x4,
    COINIT_SPEED_OVER_MEMORY = 0x8
} COINIT;

typedef enum _APTTYPE {
    APTTYPE_CURRENT = -1,
    APTTYPE_STA = 0,
    APTTYPE_MTA = 1,
    APTTYPE_NA = 2,
    APTTYPE_MAINSTA = 3
} APTTYPE;

typedef enum _APTTYPEQUALIFIER {
    APTTYPEQUALIFIER_NONE = 0,
    APTTYPEQUALIFIER_IMPLICIT_MTA = 1,
    APTTYPEQUALIFIER_NA_ON_MTA = 2,
    APTTYPEQUALIFIER_NA_ON_STA = 3,
    APTTYPEQUALIFIER_NA_ON_IMPLICIT_MTA = 4,
    APTTYPEQUALIFIER_NA_ON_MAINSTA = 5,
    APTTYPEQUALIFIER_APPLICATION_STA = 6,
    APTTYPEQUALIFIER_RESERVED_1 = 7
} APTTYPEQUALIFIER;

typedef enum tagCOWAIT_FLAGS {
    COWAIT_DEFAULT = 0,
    COWAIT_WAITALL = 1,
    COWAIT_ALERTABLE = 2,
    COWAIT_INPUTAVAILABLE = 4,
    COWAIT_DISPATCH_CALLS = 8,
    COWAIT_DISPATCH_WINDOW_MESSAGES = 0x10
} COWAIT_FLAGS;

/* CoInitialize(NULL) = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED).
 * S_OK the first time on a thread, S_FALSE when already in an apartment of
 * that kind (the count goes up either way: pair every success with
 * CoUninitialize), RPC_E_CHANGED_MODE (count unchanged) for the other kind.
 * Only the COINIT_APARTMENTTHREADED bit chooses (STA if set, else MTA);
 * other bits and pvReserved are ignored, as ole32 does.  An MTA worker
 * thread is in the MTA already (S_FALSE for the MTA, RPC_E_CHANGED_MODE for
 * an STA); RPC_E_CHANGED_MODE also from inside the thread's last
 * CoUninitialize (its queued calls and uninit hooks). */
WINOLEAPI CoInitialize(LPVOID pvReserved);
WINOLEAPI CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit);
/* Leaves the apartment after the last pairing call: an STA runs what is
 * still queued, revokes the class objects it registered and disconnects
 * proxies to its objects; a call with no matching CoInitialize does nothing. */
WINOLEAPI_(void) CoUninitialize(void);
/* The calling thread's apartment; CO_E_NOTINITIALIZED when it is in none
 * (with no MTA in the process), APTTYPE_MTA + APTTYPEQUALIFIER_IMPLICIT_MTA
 * when it is in none but the process has an MTA.  APTTYPE_MAINSTA for the
 * main STA: the first STA created while no other main STA is alive.
 * E_INVALIDARG for a NULL argument; on CO_E_NOTINITIALIZED both outputs are
 * still written (APTTYPE_CURRENT, APTTYPEQUALIFIER_NONE), as on Windows. */
WINOLEAPI CoGetApartmentType(APTTYPE *pAptType, APTTYPEQUALIFIER *pAptQualifier);
/* Waits for one (or, with COWAIT_WAITALL, all) of cHandles event handles
 * (synchapi.h) for up to dwTimeout ms (INFINITE: no limit).  In an STA the
 * calls queued to it run meanwhile.  S_OK and *lpdwindex = the index of the
 * signalled handle (0 for COWAIT_WAITALL); RPC_S_CALLPENDING on timeout;
 * E_INVALIDARG for pHandles/lpdwindex NULL, flags outside COWAIT_FLAGS, or
 * more than 64 handles (63 in an STA) or one handle twice with
 * COWAIT_WAITALL; RPC_E_NO_SYNC when cHandles is 0; E_HANDLE for a bad
 * handle.  *lpdwindex is set to 0 before any other check.
 * In an STA, COWAIT_WAITALL behaves as on Windows (MWMO_WAITALL, with the
 * STA's queue as its message queue): it ends only when every handle is
 * signalled and a call is queued at the same time, and runs no call
 * meanwhile — so in an STA that receives no calls it only times out. */
WINOLEAPI CoWaitForMultipleHandles(DWORD dwFlags, DWORD dwTimeout, ULONG cHandles, LPHANDLE pHandles,
                                  LPDWORD lpdwindex);
/* A number unique to this process among running ones (its pid). */
WINOLEAPI_(DWORD) CoGetCurrentProcess(void);

/* ---- Activation (lib/runtime/activation.c) ---------------------------------
 * In-process servers are shared objects named by HKCR\CLSID\{clsid}\
 * InprocServer32 (a Unix path; REG_EXPAND_SZ expands ${VAR}/%VAR%; a name
 * without '/' is searched as dlopen searches, a relative path with '/' is
 * taken from the current directory), loaded with dlopen and asked for
 * DllGetClassObject.  The value ThreadingModel
 * (Apartment, Free, Both, Neutral, or none) decides the apartment an object
 * lives in; a caller in another apartment gets a proxy whose calls run in the
 * object's apartment, as on Windows. */
typedef enum tagCLSCTX {
    CLSCTX_INPROC_SERVER = 0x1,
    CLSCTX_INPROC_HANDLER = 0x2,
    CLSCTX_LOCAL_SERVER = 0x4,
    CLSCTX_INPROC_SERVER16 = 0x8,
    CLSCTX_REMOTE_SERVER = 0x10,
    CLSCTX_INPROC_HANDLER16 = 0x20,
    CLSCTX_RESERVED1 = 0x40,
    CLSCTX_RESERVED2 = 0x80,
    CLSCTX_RESERVED3 = 0x100,
    CLSCTX_RESERVED4 = 0x200,
    CLSCTX_NO_CODE_DOWNLOAD = 0x400,
    CLSCTX_RESERVED5 = 0x800,
    CLSCTX_NO_CUSTOM_MARSHAL = 0x1000,
    CLSCTX_ENABLE_CODE_DOWNLOAD = 0x2000,
    CLSCTX_NO_FAILURE_LOG = 0x4000,
    CLSCTX_DISABLE_AAA = 0x8000,
    CLSCTX_ENABLE_AAA = 0x10000,
    CLSCTX_FROM_DEFAULT_CONTEXT = 0x20000,
    CLSCTX_ACTIVATE_32_BIT_SERVER = 0x40000,
    CLSCTX_ACTIVATE_64_BIT_SERVER = 0x80000,
    CLSCTX_ENABLE_CLOAKING = 0x100000,
    CLSCTX_APPCONTAINER = 0x400000,
    CLSCTX_ACTIVATE_AAA_AS_IU = 0x800000,
    CLSCTX_PS_DLL = (int)0x80000000
} CLSCTX;
#define CLSCTX_INPROC (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER)
#define CLSCTX_SERVER (CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)
#define CLSCTX_ALL (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)

typedef enum tagREGCLS {
    REGCLS_SINGLEUSE = 0,
    REGCLS_MULTIPLEUSE = 1,
    REGCLS_MULTI_SEPARATE = 2,
    REGCLS_SUSPENDED = 4,
    REGCLS_SURROGATE = 8,
    REGCLS_AGILE = 0x10
} REGCLS;

/* The security and machine arguments of remote activation (used from the
 * DCOM issue on; in-process activation accepts NULL only). */
typedef struct _COAUTHIDENTITY {
    USHORT *User;
    ULONG UserLength;
    USHORT *Domain;
    ULONG DomainLength;
    USHORT *Password;
    ULONG PasswordLength;
    ULONG Flags;
} COAUTHIDENTITY;

typedef struct _COAUTHINFO {
    DWORD dwAuthnSvc;
    DWORD dwAuthzSvc;
    LPWSTR pwszServerPrincName;
    DWORD dwAuthnLevel;
    DWORD dwImpersonationLevel;
    COAUTHIDENTITY *pAuthIdentityData;
    DWORD dwCapabilities;
} COAUTHINFO;

typedef struct _COSERVERINFO {
    DWORD dwReserved1;
    LPWSTR pwszName;
    COAUTHINFO *pAuthInfo;
    DWORD dwReserved2;
} COSERVERINFO;

typedef struct tagMULTI_QI {
    const IID *pIID;
    IUnknown *pItf;
    HRESULT hr;
} MULTI_QI;

/* *ppv receives riid on the class object of rclsid (caller Releases):
 * one registered by this apartment with CoRegisterClassObject first, then
 * the InprocServer32 of the registry; a class with a TreatAs entry is
 * served by the class it names (as CoTreatAsClass documents).
 * REGDB_E_CLASSNOTREG when the class is not registered for dwClsContext,
 * HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND) when its shared object does not
 * load (as LoadLibrary's failure surfaces on Windows; ERROR_BAD_EXE_FORMAT /
 * ERROR_PROC_NOT_FOUND for a file that is no loadable ELF object / has an
 * unresolved symbol; IErrorInfo carries dlerror's text), CO_E_ERRORINDLL
 * without DllGetClassObject, E_UNEXPECTED for a dwClsContext with no server
 * kind, E_INVALIDARG for a NULL ppv, CO_E_NOTINITIALIZED outside an
 * apartment.  pvReserved: COSERVERINFO*, ignored in-process. */
WINOLEAPI CoGetClassObject(REFCLSID rclsid, DWORD dwClsContext, LPVOID pvReserved, REFIID riid, LPVOID *ppv);
/* Class object -> IClassFactory::CreateInstance(pUnkOuter, riid, ppv),
 * following TreatAs.  *ppv receives the object (caller Releases), NULL on
 * failure; E_POINTER for a NULL ppv. */
WINOLEAPI CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD dwClsContext, REFIID riid, LPVOID *ppv);
/* As CoCreateInstance, then a QueryInterface for each of pResults[0..dwCount):
 * each gets its hr and pItf; S_OK when all succeeded, CO_S_NOTALLINTERFACES
 * when some did, E_NOINTERFACE when none did.  When the activation itself
 * fails, its error is returned and every entry says E_NOINTERFACE, pItf
 * NULL.  E_INVALIDARG for dwCount 0 or pResults NULL. */
WINOLEAPI CoCreateInstanceEx(REFCLSID rclsid, IUnknown *punkOuter, DWORD dwClsCtx, COSERVERINFO *pServerInfo,
                             DWORD dwCount, MULTI_QI *pResults);
/* Makes pUnk the class object of rclsid for this apartment (AddRef's it
 * until revoked or the apartment's CoUninitialize) and returns a cookie in
 * *lpdwRegister.  Other apartments do not see it unless flags has
 * REGCLS_AGILE.  REGCLS_SINGLEUSE and REGCLS_SUSPENDED (lifted by
 * CoResumeClassObjects) govern activation from other processes; in-process
 * lookups see the object either way (Wine's ole32 does the same).
 * REGCLS_MULTIPLEUSE with CLSCTX_LOCAL_SERVER implies CLSCTX_INPROC_SERVER.
 * A class already registered by the apartment: S_OK and no new cookie for
 * REGCLS_MULTIPLEUSE, CO_E_OBJISREG otherwise.  CoRevokeClassObject:
 * E_INVALIDARG for an unknown or revoked cookie, RPC_E_WRONG_THREAD from
 * another apartment.  Outside an apartment: CO_E_NOTINITIALIZED
 * (CoResumeClassObjects: S_OK). */
WINOLEAPI CoRegisterClassObject(REFCLSID rclsid, LPUNKNOWN pUnk, DWORD dwClsContext, DWORD flags,
                                LPDWORD lpdwRegister);
WINOLEAPI CoRevokeClassObject(DWORD dwRegister);
WINOLEAPI CoResumeClassObjects(void);
/* Unloads the in-process servers whose DllCanUnloadNow answers S_OK:
 * after dwUnloadDelay ms of answering so (the first call that finds it so
 * starts the clock; 0: at once; INFINITE: Windows' default, 10 minutes for
 * servers whose objects live in the MTA, none for the others);
 * CoFreeUnusedLibraries() = Ex(INFINITE, 0).  Servers other live apartments
 * activated classes from are left to them; an apartment's CoUninitialize
 * unloads those only it used, when they answer S_OK. */
WINOLEAPI_(void) CoFreeUnusedLibraries(void);
WINOLEAPI_(void) CoFreeUnusedLibrariesEx(DWORD dwUnloadDelay, DWORD dwReserved);

/* The exports of an in-process server (implemented by servers, not by
 * libcomrt; declared here, exported with default visibility). */
STDAPI DllGetClassObject(REFCLSID rclsid, REFIID riid, LPVOID *ppv);
STDAPI DllCanUnloadNow(void);
STDAPI DllRegisterServer(void);
STDAPI DllUnregisterServer(void);

/* ---- Monikers and the running object table (lib/runtime/rot.c, mk*.c,
 * bindctx.c, mkparse.c) ------------------------------------------------------
 * Monikers are immutable and free-threaded.  The running object table is
 * one per process for now (machine-wide with out-of-process COM); an object
 * taken from it by another apartment than the one that registered it comes
 * as a proxy whose calls run in the registering apartment. */

/* A new bind context with ole32's defaults (BIND_OPTS2: grfFlags 0, grfMode
 * STGM_READWRITE, no deadline, dwClassContext CLSCTX_SERVER, locale
 * 0x0409); *ppbc receives it (caller Releases).  E_INVALIDARG for reserved
 * != 0 or ppbc NULL. */
WINOLEAPI CreateBindCtx(DWORD reserved, LPBC *ppbc);
/* The process's running object table (AddRef'ed; caller Releases).
 * E_UNEXPECTED for reserved != 0, as ole32 answers. */
WINOLEAPI GetRunningObjectTable(DWORD reserved, LPRUNNINGOBJECTTABLE *pprot);
/* Display name -> moniker, as Windows parses it: "clsid:{...}" or
 * "clsid:XXXXXXXX-...", with an optional ':' after it (class moniker);
 * "new:ProgID" or "new:{clsid}" (a moniker whose binding creates a new
 * instance); "ProgID:rest" for any registered ProgID, whose class object's
 * IParseDisplayName parses the whole name (the extension point "winmgmts:"
 * uses on Windows); else the longest prefix, up to a '!', that names a
 * running object's file moniker or an existing file ("/..." here).  What
 * follows is parsed by the moniker built so far (IMoniker::
 * ParseDisplayName, which asks the named object's IParseDisplayName) and
 * composed onto it; "!name" after a file whose object is not running
 * becomes the item moniker "!" + name without starting anything.
 * *pchEaten receives the characters used (on failure, those understood
 * before the failing part) and *ppmk the moniker (caller Releases; NULL on
 * failure).  E_INVALIDARG for NULL arguments or "" (as ole32);
 * MK_E_SYNTAX for a malformed "clsid:" name or "Name:rest" whose Name is no
 * registered ProgID; MK_E_CANTOPENFILE for other names that are neither
 * running nor files; else the parser's or the class lookup's error. */
WINOLEAPI MkParseDisplayName(LPBC pbc, LPCOLESTR szUserName, ULONG *pchEaten, LPMONIKER *ppmk);
/* MkParseDisplayName + IMoniker::BindToObject in one call, with a fresh bind
 * context given pBindOptions (may be NULL; E_INVALIDARG when its cbStruct
 * is smaller than BIND_OPTS).  *ppv receives the object (caller Releases),
 * NULL on failure: for "clsid:" the class object, for "new:" a new
 * instance. */
WINOLEAPI CoGetObject(LPCWSTR pszName, BIND_OPTS *pBindOptions, REFIID riid, void **ppv);
/* IMoniker::BindToObject with a fresh bind context.  grfOpt is reserved:
 * E_INVALIDARG unless 0. */
WINOLEAPI BindMoniker(LPMONIKER pmk, DWORD grfOpt, REFIID iidResult, LPVOID *ppvResult);
/* The system monikers; *ppmk receives each (caller Releases).  Class:
 * display name "clsid:XXXXXXXX-...:", binds to the class object.  Item: a
 * NULL delimiter or name reads as ""; names compare without ASCII case;
 * binds through the left moniker's object's IOleItemContainer::GetObject.
 * File: the path as given (case-sensitive, '/' separators); binds to the
 * running object, else to a new instance of the class the file's extension
 * names (HKCR\.ext -> ProgID -> CLSID) loaded through IPersistFile.  Stream
 * forms (IPersistStream) are Windows'.  E_INVALIDARG for NULL arguments. */
WINOLEAPI CreateClassMoniker(REFCLSID rclsid, LPMONIKER *ppmk);
WINOLEAPI CreateItemMoniker(LPCOLESTR lpszDelim, LPCOLESTR lpszItem, LPMONIKER *ppmk);
WINOLEAPI CreateFileMoniker(LPCOLESTR lpszPathName, LPMONIKER *ppmk);
/* pmkFirst followed by pmkRest: the other one when either is NULL
 * (E_INVALIDARG when both are), else a flat generic composite, the two
 * monikers that meet first composed with ComposeWith(fOnlyIfNotGeneric)
 * (so two file monikers join as paths, as in ole32). */
WINOLEAPI CreateGenericComposite(LPMONIKER pmkFirst, LPMONIKER pmkRest, LPMONIKER *ppmkComposite);

/* ---- Memory streams and passing interfaces between apartments
 * (lib/runtime/hgstream.c, marshal_thread.c, gitable.c) ---------------------
 * An interface pointer belongs to the apartment it was obtained in; another
 * apartment gets its own through the Global Interface Table
 * (CoCreateInstance(CLSID_StdGlobalInterfaceTable), objidl.h) or through a
 * stream: */

/* An IStream on the bytes of hGlobal (a GlobalAlloc'ed block, winbase.h;
 * NULL: a new empty moveable block), its size the block's, its position
 * 0.  The stream grows and shrinks the block (GlobalReAlloc; a GMEM_FIXED
 * block may move, so pass a moveable one); clones share it.  With
 * fDeleteOnRelease the block is freed (GlobalFree) when the stream and its
 * clones are all released; otherwise the caller frees it.  *ppstm receives
 * the stream (caller Releases).  The stream is free-threaded.  E_INVALIDARG
 * for a NULL ppstm, E_OUTOFMEMORY. */
WINOLEAPI CreateStreamOnHGlobal(HGLOBAL hGlobal, BOOL fDeleteOnRelease, LPSTREAM *ppstm);
/* *phglobal receives the block under a stream made by CreateStreamOnHGlobal
 * (still owned as that call said).  E_INVALIDARG for NULL arguments or any
 * other stream. */
WINOLEAPI GetHGlobalFromStream(LPSTREAM pstm, HGLOBAL *phglobal);
/* Marshals riid of pUnk (an interface pointer of the calling thread's
 * apartment) into a new stream for another apartment of this process:
 * *ppStm receives it (positioned at 0; pass it to that apartment's
 * CoGetInterfaceAndReleaseStream).  The record holds one reference on the
 * object until it is unmarshalled, the object's apartment is
 * uninitialized, or the stream (with its clones) is released without being
 * unmarshalled (Windows leaks the reference then).  E_INVALIDARG for a NULL
 * ppStm or pUnk (*ppStm NULL), E_NOINTERFACE when pUnk lacks riid,
 * CO_E_NOTINITIALIZED outside an apartment.  The record is comrt's own
 * (in-process only; an OBJREF, as Windows writes, once CoMarshalInterface
 * exists). */
WINOLEAPI CoMarshalInterThreadInterfaceInStream(REFIID riid, LPUNKNOWN pUnk, LPSTREAM *ppStm);
/* Unmarshals the record at pStm's position and releases pStm — always,
 * even on failure (as Windows does).  *ppv receives riid on the object,
 * for the calling thread's apartment: the object itself in its own
 * apartment, a proxy elsewhere (caller Releases).  A record is good for
 * one unmarshal.  E_INVALIDARG for a NULL pStm or ppv; STG_E_READFAULT for
 * a short record, RPC_E_INVALID_OBJREF for bytes that are no record;
 * CO_E_OBJNOTCONNECTED for a record already unmarshalled, from another
 * process, or whose object's apartment has gone; E_NOINTERFACE when there
 * is no riid (or no proxy for it); CO_E_NOTINITIALIZED outside an
 * apartment.  A refused record leaves *ppv untouched (as Wine); once the
 * record is accepted *ppv is written: the pointer, or NULL on failure. */
WINOLEAPI CoGetInterfaceAndReleaseStream(LPSTREAM pStm, REFIID iid, LPVOID *ppv);

COMRT_END_DECLS

#endif /* COMRT_OBJBASE_H */

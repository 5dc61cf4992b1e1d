/*
 * comrt/objidl.h — the object-model interfaces of ole32: IMalloc, the
 * enumerators, streams and persistence, monikers, bind contexts and the
 * running object table.
 */
#ifndef COMRT_OBJIDL_H
#define COMRT_OBJIDL_H

#include "unknwn.h"

typedef struct IMalloc IMalloc;
typedef IMalloc *LPMALLOC;
typedef struct IEnumUnknown IEnumUnknown;
typedef IEnumUnknown *LPENUMUNKNOWN;
typedef struct IEnumString IEnumString;
typedef IEnumString *LPENUMSTRING;
typedef struct ISequentialStream ISequentialStream;
typedef struct IStream IStream;
typedef IStream *LPSTREAM;
typedef struct IPersist IPersist;
typedef IPersist *LPPERSIST;
typedef struct IPersistStream IPersistStream;
typedef IPersistStream *LPPERSISTSTREAM;
typedef struct IMoniker IMoniker;
typedef IMoniker *LPMONIKER;
typedef struct IEnumMoniker IEnumMoniker;
typedef IEnumMoniker *LPENUMMONIKER;
typedef struct IBindCtx IBindCtx;
typedef IBindCtx *LPBC, *LPBINDCTX;
typedef struct IRunningObjectTable IRunningObjectTable;
typedef IRunningObjectTable *LPRUNNINGOBJECTTABLE;
typedef struct IParseDisplayName IParseDisplayName;
typedef IParseDisplayName *LPPARSEDISPLAYNAME;
typedef struct IROTData IROTData;
typedef struct IGlobalInterfaceTable IGlobalInterfaceTable;
typedef IGlobalInterfaceTable *LPGLOBALINTERFACETABLE;

/* Bind options (IBindCtx::Get/SetBindOptions, CoGetObject). */
typedef struct tagBIND_OPTS {
    DWORD cbStruct;
    DWORD grfFlags;
    DWORD grfMode;
    DWORD dwTickCountDeadline;
} BIND_OPTS, *LPBIND_OPTS;

DEFINE_GUID(IID_IMalloc, 0x00000002, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);

#define INTERFACE IMalloc
DECLARE_INTERFACE_(IMalloc, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD_(void *, Alloc)(THIS_ SIZE_T cb) PURE;
    STDMETHOD_(void *, Realloc)(THIS_ void *pv, SIZE_T cb) PURE;
    STDMETHOD_(void, Free)(THIS_ void *pv) PURE;
    STDMETHOD_(SIZE_T, GetSize)(THIS_ void *pv) PURE;
    STDMETHOD_(int, DidAlloc)(THIS_ void *pv) PURE;
    STDMETHOD_(void, HeapMinimize)(THIS) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IMalloc_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IMalloc_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IMalloc_Release(This) (This)->lpVtbl->Release(This)
#define IMalloc_Alloc(This, cb) (This)->lpVtbl->Alloc(This, cb)
#define IMalloc_Realloc(This, pv, cb) (This)->lpVtbl->Realloc(This, pv, cb)
#define IMalloc_Free(This, pv) (This)->lpVtbl->Free(This, pv)
#define IMalloc_GetSize(This, pv) (This)->lpVtbl->GetSize(This, pv)
#define IMalloc_DidAlloc(This, pv) (This)->lpVtbl->DidAlloc(This, pv)
#define IMalloc_HeapMinimize(This) (This)->lpVtbl->HeapMinimize(This)
#endif

/* ---- IEnumUnknown ---------------------------------------------------------- */
DEFINE_GUID(IID_IEnumUnknown, 0x00000100, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);

#define INTERFACE IEnumUnknown
DECLARE_INTERFACE_(IEnumUnknown, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Next)(THIS_ ULONG celt, IUnknown **rgelt, ULONG *pceltFetched) PURE;
    STDMETHOD(Skip)(THIS_ ULONG celt) PURE;
    STDMETHOD(Reset)(THIS) PURE;
    STDMETHOD(Clone)(THIS_ IEnumUnknown **ppenum) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IEnumUnknown_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IEnumUnknown_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IEnumUnknown_Release(This) (This)->lpVtbl->Release(This)
#define IEnumUnknown_Next(This, celt, rgelt, fetched) (This)->lpVtbl->Next(This, celt, rgelt, fetched)
#define IEnumUnknown_Skip(This, celt) (This)->lpVtbl->Skip(This, celt)
#define IEnumUnknown_Reset(This) (This)->lpVtbl->Reset(This)
#define IEnumUnknown_Clone(This, ppenum) (This)->lpVtbl->Clone(This, ppenum)
#endif

/* ---- Streams, persistence, monikers, bind contexts, the ROT -----------------
 * Declared as in the SDK's objidl.h (same slots, same argument types). */

typedef struct IPersistFile IPersistFile;
typedef IPersistFile *LPPERSISTFILE;
typedef struct IClassActivator IClassActivator;

/* Storage modes (the SDK has these in objbase.h; grfMode of BIND_OPTS,
 * IPersistFile::Load). */
#define STGM_DIRECT 0x00000000L
#define STGM_TRANSACTED 0x00010000L
#define STGM_SIMPLE 0x08000000L
#define STGM_READ 0x00000000L
#define STGM_WRITE 0x00000001L
#define STGM_READWRITE 0x00000002L
#define STGM_SHARE_DENY_NONE 0x00000040L
#define STGM_SHARE_DENY_READ 0x00000030L
#define STGM_SHARE_DENY_WRITE 0x00000020L
#define STGM_SHARE_EXCLUSIVE 0x00000010L
#define STGM_PRIORITY 0x00040000L
#define STGM_DELETEONRELEASE 0x04000000L
#define STGM_NOSCRATCH 0x00100000L
#define STGM_CREATE 0x00001000L
#define STGM_CONVERT 0x00020000L
#define STGM_FAILIFTHERE 0x00000000L
#define STGM_NOSNAPSHOT 0x00200000L
#define STGM_DIRECT_SWMR 0x00400000L

/* The more complete bind options (cbStruct = sizeof(BIND_OPTS2)). */
typedef struct tagBIND_OPTS2 {
    DWORD cbStruct;
    DWORD grfFlags;
    DWORD grfMode;
    DWORD dwTickCountDeadline;
    DWORD dwTrackFlags;
    DWORD dwClassContext;
    LCID locale;
    struct _COSERVERINFO *pServerInfo;
} BIND_OPTS2, *LPBIND_OPTS2;

typedef enum tagBIND_FLAGS {
    BIND_MAYBOTHERUSER = 1,
    BIND_JUSTTESTEXISTENCE = 2
} BIND_FLAGS;

typedef enum tagMKSYS {
    MKSYS_NONE = 0,
    MKSYS_GENERICCOMPOSITE = 1,
    MKSYS_FILEMONIKER = 2,
    MKSYS_ANTIMONIKER = 3,
    MKSYS_ITEMMONIKER = 4,
    MKSYS_POINTERMONIKER = 5,
    MKSYS_CLASSMONIKER = 7,
    MKSYS_OBJREFMONIKER = 8,
    MKSYS_SESSIONMONIKER = 9,
    MKSYS_LUAMONIKER = 10
} MKSYS;

typedef enum tagMKREDUCE {
    MKRREDUCE_ONE = 3 << 16,
    MKRREDUCE_TOUSER = 2 << 16,
    MKRREDUCE_THROUGHUSER = 1 << 16,
    MKRREDUCE_ALL = 0
} MKRREDUCE;

/* IRunningObjectTable::Register flags. */
#define ROTFLAGS_REGISTRATIONKEEPSALIVE 0x1
#define ROTFLAGS_ALLOWANYCLIENT 0x2
/* The most comparison data an IROTData gives the ROT. */
#define ROT_COMPARE_MAX 2048

typedef enum tagSTGTY {
    STGTY_STORAGE = 1,
    STGTY_STREAM = 2,
    STGTY_LOCKBYTES = 3,
    STGTY_PROPERTY = 4
} STGTY;

typedef enum tagSTREAM_SEEK {
    STREAM_SEEK_SET = 0,
    STREAM_SEEK_CUR = 1,
    STREAM_SEEK_END = 2
} STREAM_SEEK;

/* glibc's <fcntl.h> (with _GNU_SOURCE) has a LOCK_WRITE of its own (flock's
 * 128): the enumerators carry a prefix and the SDK names are macros, defined
 * unless that one came first. */
typedef enum tagLOCKTYPE {
    COMRT_LOCK_WRITE = 1,
    COMRT_LOCK_EXCLUSIVE = 2,
    COMRT_LOCK_ONLYONCE = 4
} LOCKTYPE;
#ifndef LOCK_WRITE
#define LOCK_WRITE COMRT_LOCK_WRITE
#endif
#ifndef LOCK_EXCLUSIVE
#define LOCK_EXCLUSIVE COMRT_LOCK_EXCLUSIVE
#endif
#ifndef LOCK_ONLYONCE
#define LOCK_ONLYONCE COMRT_LOCK_ONLYONCE
#endif

typedef enum tagSTATFLAG {
    STATFLAG_DEFAULT = 0,
    STATFLAG_NONAME = 1,
    STATFLAG_NOOPEN = 2
} STATFLAG;

/* IStream::Stat's answer; pwcsName is CoTaskMemAlloc'ed (caller frees)
 * unless STATFLAG_NONAME was asked. */
typedef struct tagSTATSTG {
    LPOLESTR pwcsName;
    DWORD type;
    ULARGE_INTEGER cbSize;
    FILETIME mtime;
    FILETIME ctime;
    FILETIME atime;
    DWORD grfMode;
    DWORD grfLocksSupported;
    CLSID clsid;
    DWORD grfStateBits;
    DWORD reserved;
} STATSTG;

DEFINE_GUID(IID_IEnumString, 0x00000101, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_ISequentialStream, 0x0c733a30, 0x2a1c, 0x11ce, 0xad, 0xe5, 0x00, 0xaa, 0x00, 0x44, 0x77, 0x3d);
DEFINE_GUID(IID_IStream, 0x0000000c, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IPersist, 0x0000010c, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IPersistStream, 0x00000109, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IPersistFile, 0x0000010b, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IMoniker, 0x0000000f, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IEnumMoniker, 0x00000102, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IBindCtx, 0x0000000e, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IRunningObjectTable, 0x00000010, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IParseDisplayName, 0x0000011a, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IROTData, 0xf29f6bc0, 0x5021, 0x11ce, 0xaa, 0x15, 0x00, 0x00, 0x69, 0x01, 0x29, 0x3f);
DEFINE_GUID(IID_IClassActivator, 0x00000140, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);

/* ---- IEnumString ------------------------------------------------------------ */
#define INTERFACE IEnumString
DECLARE_INTERFACE_(IEnumString, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Next)(THIS_ ULONG celt, LPOLESTR *rgelt, ULONG *pceltFetched) PURE;
    STDMETHOD(Skip)(THIS_ ULONG celt) PURE;
    STDMETHOD(Reset)(THIS) PURE;
    STDMETHOD(Clone)(THIS_ IEnumString **ppenum) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IEnumString_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IEnumString_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IEnumString_Release(This) (This)->lpVtbl->Release(This)
#define IEnumString_Next(This, celt, rgelt, fetched) (This)->lpVtbl->Next(This, celt, rgelt, fetched)
#define IEnumString_Skip(This, celt) (This)->lpVtbl->Skip(This, celt)
#define IEnumString_Reset(This) (This)->lpVtbl->Reset(This)
#define IEnumString_Clone(This, ppenum) (This)->lpVtbl->Clone(This, ppenum)
#endif

/* ---- ISequentialStream, IStream ------------------------------------------- */
#define INTERFACE ISequentialStream
DECLARE_INTERFACE_(ISequentialStream, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Read)(THIS_ void *pv, ULONG cb, ULONG *pcbRead) PURE;
    STDMETHOD(Write)(THIS_ const void *pv, ULONG cb, ULONG *pcbWritten) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define ISequentialStream_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define ISequentialStream_AddRef(This) (This)->lpVtbl->AddRef(This)
#define ISequentialStream_Release(This) (This)->lpVtbl->Release(This)
#define ISequentialStream_Read(This, pv, cb, pcbRead) (This)->lpVtbl->Read(This, pv, cb, pcbRead)
#define ISequentialStream_Write(This, pv, cb, pcbWritten) (This)->lpVtbl->Write(This, pv, cb, pcbWritten)
#endif

#define INTERFACE IStream
DECLARE_INTERFACE_(IStream, ISequentialStream)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Read)(THIS_ void *pv, ULONG cb, ULONG *pcbRead) PURE;
    STDMETHOD(Write)(THIS_ const void *pv, ULONG cb, ULONG *pcbWritten) PURE;
    STDMETHOD(Seek)(THIS_ LARGE_INTEGER dlibMove, DWORD dwOrigin, ULARGE_INTEGER *plibNewPosition) PURE;
    STDMETHOD(SetSize)(THIS_ ULARGE_INTEGER libNewSize) PURE;
    STDMETHOD(CopyTo)(THIS_ IStream *pstm, ULARGE_INTEGER cb, ULARGE_INTEGER *pcbRead,
                      ULARGE_INTEGER *pcbWritten) PURE;
    STDMETHOD(Commit)(THIS_ DWORD grfCommitFlags) PURE;
    STDMETHOD(Revert)(THIS) PURE;
    STDMETHOD(LockRegion)(THIS_ ULARGE_INTEGER libOffset, ULARGE_INTEGER cb, DWORD dwLockType) PURE;
    STDMETHOD(UnlockRegion)(THIS_ ULARGE_INTEGER libOffset, ULARGE_INTEGER cb, DWORD dwLockType) PURE;
    STDMETHOD(Stat)(THIS_ STATSTG *pstatstg, DWORD grfStatFlag) PURE;
    STDMETHOD(Clone)(THIS_ IStream **ppstm) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IStream_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IStream_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IStream_Release(This) (This)->lpVtbl->Release(This)
#define IStream_Read(This, pv, cb, pcbRead) (This)->lpVtbl->Read(This, pv, cb, pcbRead)
#define IStream_Write(This, pv, cb, pcbWritten) (This)->lpVtbl->Write(This, pv, cb, pcbWritten)
#define IStream_Seek(This, move, origin, newpos) (This)->lpVtbl->Seek(This, move, origin, newpos)
#define IStream_SetSize(This, size) (This)->lpVtbl->SetSize(This, size)
#define IStream_CopyTo(This, pstm, cb, pcbRead, pcbWritten) (This)->lpVtbl->CopyTo(This, pstm, cb, pcbRead, pcbWritten)
#define IStream_Commit(This, flags) (This)->lpVtbl->Commit(This, flags)
#define IStream_Revert(This) (This)->lpVtbl->Revert(This)
#define IStream_LockRegion(This, off, cb, type) (This)->lpVtbl->LockRegion(This, off, cb, type)
#define IStream_UnlockRegion(This, off, cb, type) (This)->lpVtbl->UnlockRegion(This, off, cb, type)
#define IStream_Stat(This, pstatstg, flag) (This)->lpVtbl->Stat(This, pstatstg, flag)
#define IStream_Clone(This, ppstm) (This)->lpVtbl->Clone(This, ppstm)
#endif

/* ---- IPersist, IPersistStream, IPersistFile -------------------------------- */
#define INTERFACE IPersist
DECLARE_INTERFACE_(IPersist, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetClassID)(THIS_ CLSID *pClassID) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IPersist_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IPersist_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IPersist_Release(This) (This)->lpVtbl->Release(This)
#define IPersist_GetClassID(This, pClassID) (This)->lpVtbl->GetClassID(This, pClassID)
#endif

#define INTERFACE IPersistStream
DECLARE_INTERFACE_(IPersistStream, IPersist)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetClassID)(THIS_ CLSID *pClassID) PURE;
    STDMETHOD(IsDirty)(THIS) PURE;
    STDMETHOD(Load)(THIS_ IStream *pStm) PURE;
    STDMETHOD(Save)(THIS_ IStream *pStm, BOOL fClearDirty) PURE;
    STDMETHOD(GetSizeMax)(THIS_ ULARGE_INTEGER *pcbSize) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IPersistStream_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IPersistStream_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IPersistStream_Release(This) (This)->lpVtbl->Release(This)
#define IPersistStream_GetClassID(This, pClassID) (This)->lpVtbl->GetClassID(This, pClassID)
#define IPersistStream_IsDirty(This) (This)->lpVtbl->IsDirty(This)
#define IPersistStream_Load(This, pStm) (This)->lpVtbl->Load(This, pStm)
#define IPersistStream_Save(This, pStm, fClearDirty) (This)->lpVtbl->Save(This, pStm, fClearDirty)
#define IPersistStream_GetSizeMax(This, pcbSize) (This)->lpVtbl->GetSizeMax(This, pcbSize)
#endif

#define INTERFACE IPersistFile
DECLARE_INTERFACE_(IPersistFile, IPersist)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetClassID)(THIS_ CLSID *pClassID) PURE;
    STDMETHOD(IsDirty)(THIS) PURE;
    STDMETHOD(Load)(THIS_ LPCOLESTR pszFileName, DWORD dwMode) PURE;
    STDMETHOD(Save)(THIS_ LPCOLESTR pszFileName, BOOL fRemember) PURE;
    STDMETHOD(SaveCompleted)(THIS_ LPCOLESTR pszFileName) PURE;
    STDMETHOD(GetCurFile)(THIS_ LPOLESTR *ppszFileName) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IPersistFile_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IPersistFile_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IPersistFile_Release(This) (This)->lpVtbl->Release(This)
#define IPersistFile_GetClassID(This, pClassID) (This)->lpVtbl->GetClassID(This, pClassID)
#define IPersistFile_IsDirty(This) (This)->lpVtbl->IsDirty(This)
#define IPersistFile_Load(This, name, mode) (This)->lpVtbl->Load(This, name, mode)
#define IPersistFile_Save(This, name, remember) (This)->lpVtbl->Save(This, name, remember)
#define IPersistFile_SaveCompleted(This, name) (This)->lpVtbl->SaveCompleted(This, name)
#define IPersistFile_GetCurFile(This, ppsz) (This)->lpVtbl->GetCurFile(This, ppsz)
#endif

/* ---- IEnumMoniker, IMoniker -------------------------------------------------- */
#define INTERFACE IEnumMoniker
DECLARE_INTERFACE_(IEnumMoniker, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Next)(THIS_ ULONG celt, IMoniker **rgelt, ULONG *pceltFetched) PURE;
    STDMETHOD(Skip)(THIS_ ULONG celt) PURE;
    STDMETHOD(Reset)(THIS) PURE;
    STDMETHOD(Clone)(THIS_ IEnumMoniker **ppenum) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IEnumMoniker_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IEnumMoniker_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IEnumMoniker_Release(This) (This)->lpVtbl->Release(This)
#define IEnumMoniker_Next(This, celt, rgelt, fetched) (This)->lpVtbl->Next(This, celt, rgelt, fetched)
#define IEnumMoniker_Skip(This, celt) (This)->lpVtbl->Skip(This, celt)
#define IEnumMoniker_Reset(This) (This)->lpVtbl->Reset(This)
#define IEnumMoniker_Clone(This, ppenum) (This)->lpVtbl->Clone(This, ppenum)
#endif

#define INTERFACE IMoniker
DECLARE_INTERFACE_(IMoniker, IPersistStream)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetClassID)(THIS_ CLSID *pClassID) PURE;
    STDMETHOD(IsDirty)(THIS) PURE;
    STDMETHOD(Load)(THIS_ IStream *pStm) PURE;
    STDMETHOD(Save)(THIS_ IStream *pStm, BOOL fClearDirty) PURE;
    STDMETHOD(GetSizeMax)(THIS_ ULARGE_INTEGER *pcbSize) PURE;
    STDMETHOD(BindToObject)(THIS_ IBindCtx *pbc, IMoniker *pmkToLeft, REFIID riidResult, void **ppvResult) PURE;
    STDMETHOD(BindToStorage)(THIS_ IBindCtx *pbc, IMoniker *pmkToLeft, REFIID riid, void **ppvObj) PURE;
    STDMETHOD(Reduce)(THIS_ IBindCtx *pbc, DWORD dwReduceHowFar, IMoniker **ppmkToLeft,
                      IMoniker **ppmkReduced) PURE;
    STDMETHOD(ComposeWith)(THIS_ IMoniker *pmkRight, BOOL fOnlyIfNotGeneric, IMoniker **ppmkComposite) PURE;
    STDMETHOD(Enum)(THIS_ BOOL fForward, IEnumMoniker **ppenumMoniker) PURE;
    STDMETHOD(IsEqual)(THIS_ IMoniker *pmkOtherMoniker) PURE;
    STDMETHOD(Hash)(THIS_ DWORD *pdwHash) PURE;
    STDMETHOD(IsRunning)(THIS_ IBindCtx *pbc, IMoniker *pmkToLeft, IMoniker *pmkNewlyRunning) PURE;
    STDMETHOD(GetTimeOfLastChange)(THIS_ IBindCtx *pbc, IMoniker *pmkToLeft, FILETIME *pFileTime) PURE;
    STDMETHOD(Inverse)(THIS_ IMoniker **ppmk) PURE;
    STDMETHOD(CommonPrefixWith)(THIS_ IMoniker *pmkOther, IMoniker **ppmkPrefix) PURE;
    STDMETHOD(RelativePathTo)(THIS_ IMoniker *pmkOther, IMoniker **ppmkRelPath) PURE;
    STDMETHOD(GetDisplayName)(THIS_ IBindCtx *pbc, IMoniker *pmkToLeft, LPOLESTR *ppszDisplayName) PURE;
    STDMETHOD(ParseDisplayName)(THIS_ IBindCtx *pbc, IMoniker *pmkToLeft, LPOLESTR pszDisplayName,
                                ULONG *pchEaten, IMoniker **ppmkOut) PURE;
    STDMETHOD(IsSystemMoniker)(THIS_ DWORD *pdwMksys) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IMoniker_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IMoniker_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IMoniker_Release(This) (This)->lpVtbl->Release(This)
#define IMoniker_GetClassID(This, pClassID) (This)->lpVtbl->GetClassID(This, pClassID)
#define IMoniker_IsDirty(This) (This)->lpVtbl->IsDirty(This)
#define IMoniker_Load(This, pStm) (This)->lpVtbl->Load(This, pStm)
#define IMoniker_Save(This, pStm, fClearDirty) (This)->lpVtbl->Save(This, pStm, fClearDirty)
#define IMoniker_GetSizeMax(This, pcbSize) (This)->lpVtbl->GetSizeMax(This, pcbSize)
#define IMoniker_BindToObject(This, pbc, left, riid, ppv) (This)->lpVtbl->BindToObject(This, pbc, left, riid, ppv)
#define IMoniker_BindToStorage(This, pbc, left, riid, ppv) (This)->lpVtbl->BindToStorage(This, pbc, left, riid, ppv)
#define IMoniker_Reduce(This, pbc, how, ppleft, ppred) (This)->lpVtbl->Reduce(This, pbc, how, ppleft, ppred)
#define IMoniker_ComposeWith(This, right, onlyif, ppc) (This)->lpVtbl->ComposeWith(This, right, onlyif, ppc)
#define IMoniker_Enum(This, fwd, ppenum) (This)->lpVtbl->Enum(This, fwd, ppenum)
#define IMoniker_IsEqual(This, other) (This)->lpVtbl->IsEqual(This, other)
#define IMoniker_Hash(This, pdw) (This)->lpVtbl->Hash(This, pdw)
#define IMoniker_IsRunning(This, pbc, left, newly) (This)->lpVtbl->IsRunning(This, pbc, left, newly)
#define IMoniker_GetTimeOfLastChange(This, pbc, left, pft) (This)->lpVtbl->GetTimeOfLastChange(This, pbc, left, pft)
#define IMoniker_Inverse(This, ppmk) (This)->lpVtbl->Inverse(This, ppmk)
#define IMoniker_CommonPrefixWith(This, other, ppmk) (This)->lpVtbl->CommonPrefixWith(This, other, ppmk)
#define IMoniker_RelativePathTo(This, other, ppmk) (This)->lpVtbl->RelativePathTo(This, other, ppmk)
#define IMoniker_GetDisplayName(This, pbc, left, ppsz) (This)->lpVtbl->GetDisplayName(This, pbc, left, ppsz)
#define IMoniker_ParseDisplayName(This, pbc, left, name, eaten, ppmk) \
    (This)->lpVtbl->ParseDisplayName(This, pbc, left, name, eaten, ppmk)
#define IMoniker_IsSystemMoniker(This, pdw) (This)->lpVtbl->IsSystemMoniker(This, pdw)
#endif

/* ---- IBindCtx ------------------------------------------------------------------ */
#define INTERFACE IBindCtx
DECLARE_INTERFACE_(IBindCtx, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(RegisterObjectBound)(THIS_ IUnknown *punk) PURE;
    STDMETHOD(RevokeObjectBound)(THIS_ IUnknown *punk) PURE;
    STDMETHOD(ReleaseBoundObjects)(THIS) PURE;
    STDMETHOD(SetBindOptions)(THIS_ BIND_OPTS *pbindopts) PURE;
    STDMETHOD(GetBindOptions)(THIS_ BIND_OPTS *pbindopts) PURE;
    STDMETHOD(GetRunningObjectTable)(THIS_ IRunningObjectTable **pprot) PURE;
    STDMETHOD(RegisterObjectParam)(THIS_ LPOLESTR pszKey, IUnknown *punk) PURE;
    STDMETHOD(GetObjectParam)(THIS_ LPOLESTR pszKey, IUnknown **ppunk) PURE;
    STDMETHOD(EnumObjectParam)(THIS_ IEnumString **ppenum) PURE;
    STDMETHOD(RevokeObjectParam)(THIS_ LPOLESTR pszKey) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IBindCtx_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IBindCtx_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IBindCtx_Release(This) (This)->lpVtbl->Release(This)
#define IBindCtx_RegisterObjectBound(This, punk) (This)->lpVtbl->RegisterObjectBound(This, punk)
#define IBindCtx_RevokeObjectBound(This, punk) (This)->lpVtbl->RevokeObjectBound(This, punk)
#define IBindCtx_ReleaseBoundObjects(This) (This)->lpVtbl->ReleaseBoundObjects(This)
#define IBindCtx_SetBindOptions(This, opts) (This)->lpVtbl->SetBindOptions(This, opts)
#define IBindCtx_GetBindOptions(This, opts) (This)->lpVtbl->GetBindOptions(This, opts)
#define IBindCtx_GetRunningObjectTable(This, pprot) (This)->lpVtbl->GetRunningObjectTable(This, pprot)
#define IBindCtx_RegisterObjectParam(This, key, punk) (This)->lpVtbl->RegisterObjectParam(This, key, punk)
#define IBindCtx_GetObjectParam(This, key, ppunk) (This)->lpVtbl->GetObjectParam(This, key, ppunk)
#define IBindCtx_EnumObjectParam(This, ppenum) (This)->lpVtbl->EnumObjectParam(This, ppenum)
#define IBindCtx_RevokeObjectParam(This, key) (This)->lpVtbl->RevokeObjectParam(This, key)
#endif

/* ---- IRunningObjectTable ------------------------------------------------------- */
#define INTERFACE IRunningObjectTable
DECLARE_INTERFACE_(IRunningObjectTable, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Register)(THIS_ DWORD grfFlags, IUnknown *punkObject, IMoniker *pmkObjectName,
                        DWORD *pdwRegister) PURE;
    STDMETHOD(Revoke)(THIS_ DWORD dwRegister) PURE;
    STDMETHOD(IsRunning)(THIS_ IMoniker *pmkObjectName) PURE;
    STDMETHOD(GetObject)(THIS_ IMoniker *pmkObjectName, IUnknown **ppunkObject) PURE;
    STDMETHOD(NoteChangeTime)(THIS_ DWORD dwRegister, FILETIME *pfiletime) PURE;
    STDMETHOD(GetTimeOfLastChange)(THIS_ IMoniker *pmkObjectName, FILETIME *pfiletime) PURE;
    STDMETHOD(EnumRunning)(THIS_ IEnumMoniker **ppenumMoniker) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IRunningObjectTable_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IRunningObjectTable_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IRunningObjectTable_Release(This) (This)->lpVtbl->Release(This)
#define IRunningObjectTable_Register(This, flags, punk, pmk, pdw) (This)->lpVtbl->Register(This, flags, punk, pmk, pdw)
#define IRunningObjectTable_Revoke(This, dw) (This)->lpVtbl->Revoke(This, dw)
#define IRunningObjectTable_IsRunning(This, pmk) (This)->lpVtbl->IsRunning(This, pmk)
#define IRunningObjectTable_GetObject(This, pmk, ppunk) (This)->lpVtbl->GetObject(This, pmk, ppunk)
#define IRunningObjectTable_NoteChangeTime(This, dw, pft) (This)->lpVtbl->NoteChangeTime(This, dw, pft)
#define IRunningObjectTable_GetTimeOfLastChange(This, pmk, pft) (This)->lpVtbl->GetTimeOfLastChange(This, pmk, pft)
#define IRunningObjectTable_EnumRunning(This, ppenum) (This)->lpVtbl->EnumRunning(This, ppenum)
#endif

/* ---- IParseDisplayName, IROTData, IClassActivator ------------------------------ */
#define INTERFACE IParseDisplayName
DECLARE_INTERFACE_(IParseDisplayName, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(ParseDisplayName)(THIS_ IBindCtx *pbc, LPOLESTR pszDisplayName, ULONG *pchEaten,
                                IMoniker **ppmkOut) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IParseDisplayName_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IParseDisplayName_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IParseDisplayName_Release(This) (This)->lpVtbl->Release(This)
#define IParseDisplayName_ParseDisplayName(This, pbc, name, eaten, ppmk) \
    (This)->lpVtbl->ParseDisplayName(This, pbc, name, eaten, ppmk)
#endif

#define INTERFACE IROTData
DECLARE_INTERFACE_(IROTData, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetComparisonData)(THIS_ BYTE *pbData, ULONG cbMax, ULONG *pcbData) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IROTData_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IROTData_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IROTData_Release(This) (This)->lpVtbl->Release(This)
#define IROTData_GetComparisonData(This, pb, cbMax, pcb) (This)->lpVtbl->GetComparisonData(This, pb, cbMax, pcb)
#endif

/* What a class moniker composed to the right of another moniker binds
 * through: the left moniker's object gives the class object. */
#define INTERFACE IClassActivator
DECLARE_INTERFACE_(IClassActivator, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetClassObject)(THIS_ REFCLSID rclsid, DWORD dwClassContext, LCID locale, REFIID riid,
                              void **ppv) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IClassActivator_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IClassActivator_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IClassActivator_Release(This) (This)->lpVtbl->Release(This)
#define IClassActivator_GetClassObject(This, clsid, ctx, lcid, riid, ppv) \
    (This)->lpVtbl->GetClassObject(This, clsid, ctx, lcid, riid, ppv)
#endif

/* ---- IGlobalInterfaceTable (lib/runtime/gitable.c) ---------------------------
 * The process's Global Interface Table: CoCreateInstance(
 * CLSID_StdGlobalInterfaceTable, NULL, CLSCTX_INPROC_SERVER,
 * IID_IGlobalInterfaceTable, ...) answers the same free-threaded object in
 * every apartment (no registry needed; its AddRef/Release do not count).
 * RegisterInterfaceInGlobal(pUnk, riid, pdwCookie): keeps riid of pUnk (an
 * interface pointer of the calling thread's apartment, its "home";
 * AddRef'ed until revoked) and returns a cookie (never 0) any apartment can
 * use; E_NOINTERFACE when pUnk lacks riid, E_INVALIDARG for NULL
 * arguments, CO_E_NOTINITIALIZED outside an apartment.
 * GetInterfaceFromGlobal(dwCookie, riid, ppv): *ppv receives riid on the
 * object for the calling apartment — the object itself in its home, a
 * proxy elsewhere (caller Releases); E_INVALIDARG for an unknown cookie
 * (*ppv untouched) or a NULL ppv, RPC_E_DISCONNECTED once the home apartment has been
 * uninitialized (*ppv untouched), E_NOINTERFACE (*ppv NULL).
 * RevokeInterfaceFromGlobal(dwCookie): forgets the entry and releases the
 * object in its home; E_INVALIDARG for an unknown cookie.  When the home
 * apartment is uninitialized the object is released there (as Windows
 * disconnects it) and the cookie stays until revoked: that revocation
 * answers RPC_E_INVALID_OBJREF, as Wine does. */
DEFINE_GUID(IID_IGlobalInterfaceTable, 0x00000146, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(CLSID_StdGlobalInterfaceTable, 0x00000323, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x46);

#define INTERFACE IGlobalInterfaceTable
DECLARE_INTERFACE_(IGlobalInterfaceTable, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(RegisterInterfaceInGlobal)(THIS_ IUnknown *pUnk, REFIID riid, DWORD *pdwCookie) PURE;
    STDMETHOD(RevokeInterfaceFromGlobal)(THIS_ DWORD dwCookie) PURE;
    STDMETHOD(GetInterfaceFromGlobal)(THIS_ DWORD dwCookie, REFIID riid, void **ppv) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IGlobalInterfaceTable_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IGlobalInterfaceTable_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IGlobalInterfaceTable_Release(This) (This)->lpVtbl->Release(This)
#define IGlobalInterfaceTable_RegisterInterfaceInGlobal(This, pUnk, riid, pdwCookie) \
    (This)->lpVtbl->RegisterInterfaceInGlobal(This, pUnk, riid, pdwCookie)
#define IGlobalInterfaceTable_RevokeInterfaceFromGlobal(This, dwCookie) \
    (This)->lpVtbl->RevokeInterfaceFromGlobal(This, dwCookie)
#define IGlobalInterfaceTable_GetInterfaceFromGlobal(This, dwCookie, riid, ppv) \
    (This)->lpVtbl->GetInterfaceFromGlobal(This, dwCookie, riid, ppv)
#endif

#endif /* COMRT_OBJIDL_H */

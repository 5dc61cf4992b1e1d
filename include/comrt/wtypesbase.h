/*
 * comrt/wtypesbase.h — the Win32 base types COM code is written against.
 *
 * Widths are Windows' (LLP64), not Linux's (LP64): LONG/ULONG/DWORD/HRESULT
 * are 32-bit, WCHAR/OLECHAR is UTF-16 (char16_t), BOOL is 32-bit.  Code that
 * uses `long` or `wchar_t` where Windows means LONG or WCHAR must be ported to
 * the typedefs here; the static asserts at the end keep the widths honest.
 */
#ifndef COMRT_WTYPESBASE_H
#define COMRT_WTYPESBASE_H

#include <stddef.h>
#include <stdint.h>
#ifndef __cplusplus
#include <uchar.h>
#endif

#ifdef __cplusplus
#define EXTERN_C extern "C"
#define COMRT_BEGIN_DECLS extern "C" {
#define COMRT_END_DECLS }
#else
#define EXTERN_C extern
#define COMRT_BEGIN_DECLS
#define COMRT_END_DECLS
#endif

/* System V is the native calling convention; these exist so Windows code compiles. */
#define WINAPI
#define STDAPICALLTYPE
#define STDMETHODCALLTYPE
#define STDMETHODVCALLTYPE
#define CALLBACK
#define FAR
#define NEAR
#define CONST const
#define VOID void

#if defined(__GNUC__)
#define COMRT_API __attribute__((visibility("default")))
#else
#define COMRT_API
#endif

#define STDAPI EXTERN_C COMRT_API HRESULT STDAPICALLTYPE
#define STDAPI_(type) EXTERN_C COMRT_API type STDAPICALLTYPE
#define WINOLEAPI STDAPI
#define WINOLEAPI_(type) STDAPI_(type)
#define WINOLEAUTAPI STDAPI
#define WINOLEAUTAPI_(type) STDAPI_(type)
#define STDMETHODIMP HRESULT STDMETHODCALLTYPE
#define STDMETHODIMP_(type) type STDMETHODCALLTYPE

typedef void *PVOID, *LPVOID;
typedef const void *LPCVOID;
typedef char CHAR;
typedef unsigned char UCHAR;
typedef uint8_t BYTE, *PBYTE, *LPBYTE;
typedef BYTE BOOLEAN;
typedef int16_t SHORT;
typedef uint16_t USHORT, WORD, *LPWORD;
typedef int32_t INT, LONG, *PLONG, *LPLONG;
typedef uint32_t UINT, ULONG, DWORD, *PULONG, *LPDWORD;
typedef int64_t LONGLONG, LONG64, INT64;
typedef uint64_t ULONGLONG, DWORD64, ULONG64, UINT64;
typedef int8_t INT8;
typedef uint8_t UINT8;
typedef int16_t INT16;
typedef uint16_t UINT16;
typedef int32_t INT32, BOOL, *LPBOOL;
typedef uint32_t UINT32;
typedef float FLOAT;
typedef double DOUBLE;
typedef intptr_t INT_PTR, LONG_PTR;
typedef uintptr_t UINT_PTR, ULONG_PTR, DWORD_PTR;
typedef size_t SIZE_T;
typedef ptrdiff_t SSIZE_T;
typedef void *HANDLE;
typedef HANDLE HINSTANCE, HMODULE, HWND, HGLOBAL;

typedef char16_t WCHAR;
typedef WCHAR *PWSTR, *LPWSTR;
typedef const WCHAR *PCWSTR, *LPCWSTR;
typedef CHAR *LPSTR;
typedef const CHAR *LPCSTR;
typedef WCHAR OLECHAR;
typedef OLECHAR *LPOLESTR;
typedef const OLECHAR *LPCOLESTR;
#define OLESTR(str) u##str
#define TEXT(str) u##str

typedef LONG HRESULT;
typedef LONG SCODE;
typedef DWORD LCID;
typedef WORD LANGID;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

typedef union _LARGE_INTEGER {
    struct {
        DWORD LowPart;
        LONG HighPart;
    };
    struct {
        DWORD LowPart;
        LONG HighPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    struct {
        DWORD LowPart;
        DWORD HighPart;
    };
    struct {
        DWORD LowPart;
        DWORD HighPart;
    } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

/* Accepted by CreateEventW and RegCreateKeyExW for source compatibility;
 * comrt has no security descriptors (pass NULL). */
#ifndef _SECURITY_ATTRIBUTES_DEFINED
#define _SECURITY_ATTRIBUTES_DEFINED
typedef struct _SECURITY_ATTRIBUTES {
    DWORD nLength;
    LPVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;
#endif

typedef struct _FILETIME {
    DWORD dwLowDateTime;
    DWORD dwHighDateTime;
} FILETIME, *PFILETIME, *LPFILETIME;

typedef struct _SYSTEMTIME {
    WORD wYear;
    WORD wMonth;
    WORD wDayOfWeek;
    WORD wDay;
    WORD wHour;
    WORD wMinute;
    WORD wSecond;
    WORD wMilliseconds;
} SYSTEMTIME, *PSYSTEMTIME, *LPSYSTEMTIME;

/* Locale identifiers (winnt.h / winnls.h). */
#define MAKELANGID(p, s) ((WORD)((((WORD)(s)) << 10) | (WORD)(p)))
#define PRIMARYLANGID(l) ((WORD)(l) & 0x3ff)
#define SUBLANGID(l) ((WORD)(l) >> 10)
#define MAKELCID(lgid, srtid) ((DWORD)((((DWORD)((WORD)(srtid))) << 16) | ((DWORD)((WORD)(lgid)))))
#define LANGIDFROMLCID(lcid) ((WORD)(lcid))
#define SORT_DEFAULT 0x0
#define LANG_NEUTRAL 0x00
#define LANG_INVARIANT 0x7f
#define LANG_ENGLISH 0x09
#define LANG_GERMAN 0x07
#define LANG_FRENCH 0x0c
#define SUBLANG_NEUTRAL 0x00
#define SUBLANG_DEFAULT 0x01
#define SUBLANG_SYS_DEFAULT 0x02
#define LOCALE_USER_DEFAULT 0x0400
#define LOCALE_SYSTEM_DEFAULT 0x0800
#define LOCALE_INVARIANT 0x007f
#define LOCALE_NEUTRAL 0x0000
#define LOCALE_NOUSEROVERRIDE 0x80000000
#define LOCALE_USE_NLS 0x10000000

#define MAKEWORD(a, b) ((WORD)(((BYTE)(a)) | ((WORD)((BYTE)(b))) << 8))
#define MAKELONG(a, b) ((LONG)(((WORD)(a)) | ((DWORD)((WORD)(b))) << 16))
#define LOWORD(l) ((WORD)((DWORD_PTR)(l) & 0xffff))
#define HIWORD(l) ((WORD)((DWORD_PTR)(l) >> 16))
#define LOBYTE(w) ((BYTE)((DWORD_PTR)(w) & 0xff))
#define HIBYTE(w) ((BYTE)((DWORD_PTR)(w) >> 8))

#ifdef __cplusplus
#define COMRT_STATIC_ASSERT(e, m) static_assert(e, m)
#else
#define COMRT_STATIC_ASSERT(e, m) _Static_assert(e, m)
#endif

COMRT_STATIC_ASSERT(sizeof(LONG) == 4, "LONG is 32-bit as on Windows");
COMRT_STATIC_ASSERT(sizeof(ULONG) == 4, "ULONG is 32-bit as on Windows");
COMRT_STATIC_ASSERT(sizeof(WCHAR) == 2, "WCHAR is UTF-16");
COMRT_STATIC_ASSERT(sizeof(BOOL) == 4, "BOOL is 32-bit");
COMRT_STATIC_ASSERT(sizeof(LARGE_INTEGER) == 8, "LARGE_INTEGER layout");
COMRT_STATIC_ASSERT(sizeof(FILETIME) == 8, "FILETIME layout");
COMRT_STATIC_ASSERT(sizeof(SYSTEMTIME) == 16, "SYSTEMTIME layout");

#endif /* COMRT_WTYPESBASE_H */

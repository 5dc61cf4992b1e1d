/*
 * comrt/winreg.h — the Win32 registry API subset COM code uses (as the SDK's
 * <winreg.h> declares it), backed by comrt's SQLite registry.
 *
 * HKEY_CURRENT_USER lives in the per-user database (COMRT_REGISTRY, default
 * $XDG_DATA_HOME/comrt/registry.db), HKEY_LOCAL_MACHINE in the system database
 * (COMRT_SYSTEM_REGISTRY, default /var/lib/comrt/registry.db; read-only unless
 * the file is writable; a COMRT_SYSTEM_REGISTRY file that does not exist yet
 * is created by the first HKLM write, the default one never is), and
 * HKEY_CLASSES_ROOT is HKCU\Software\Classes laid over HKLM\Software\Classes
 * (reads see the user's key first; writes go to the user's).  A database is
 * created, with its directories, on the first write, never on a read.
 * Functions return Win32 error codes (LONG).
 *
 * Differences from Windows: HKEY_USERS, HKEY_CURRENT_CONFIG and the other
 * predefined keys answer ERROR_INVALID_HANDLE; there are no security
 * descriptors, classes, volatile keys, symbolic links or WOW64 views (the
 * options and flags asking for them are accepted and ignored); an HKEY that
 * is neither a predefined key nor one these functions returned is not
 * detected (Windows answers ERROR_INVALID_HANDLE; here it is undefined).
 * A handle under HKEY_CLASSES_ROOT names its key by path, so after the key
 * is deleted and made again it reaches the new one (Windows: ERROR_KEY_DELETED).
 */
#ifndef COMRT_WINREG_H
#define COMRT_WINREG_H

#include "wtypesbase.h"
#include "winerror.h"

COMRT_BEGIN_DECLS

/* An open registry key: an opaque pointer, as on Windows. */
typedef struct HKEY__ *HKEY;
typedef HKEY *PHKEY;
typedef DWORD REGSAM;
typedef LONG LSTATUS;


/* The predefined keys: sign-extended 32-bit values, as Win64 defines them. */
#define HKEY_CLASSES_ROOT ((HKEY)(ULONG_PTR)((LONG)0x80000000))
#define HKEY_CURRENT_USER ((HKEY)(ULONG_PTR)((LONG)0x80000001))
#define HKEY_LOCAL_MACHINE ((HKEY)(ULONG_PTR)((LONG)0x80000002))
#define HKEY_USERS ((HKEY)(ULONG_PTR)((LONG)0x80000003))

/* Access rights. */
#define DELETE 0x00010000u
#define READ_CONTROL 0x00020000u
#define WRITE_DAC 0x00040000u
#define WRITE_OWNER 0x00080000u
#define SYNCHRONIZE 0x00100000u
#define STANDARD_RIGHTS_READ READ_CONTROL
#define STANDARD_RIGHTS_WRITE READ_CONTROL
#define STANDARD_RIGHTS_EXECUTE READ_CONTROL
#define STANDARD_RIGHTS_ALL 0x001F0000u
#define MAXIMUM_ALLOWED 0x02000000u
#define KEY_QUERY_VALUE 0x0001u
#define KEY_SET_VALUE 0x0002u
#define KEY_CREATE_SUB_KEY 0x0004u
#define KEY_ENUMERATE_SUB_KEYS 0x0008u
#define KEY_NOTIFY 0x0010u
#define KEY_CREATE_LINK 0x0020u
#define KEY_WOW64_32KEY 0x0200u
#define KEY_WOW64_64KEY 0x0100u
#define KEY_WOW64_RES 0x0300u
#define KEY_READ ((STANDARD_RIGHTS_READ | KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY) & ~SYNCHRONIZE)
#define KEY_WRITE ((STANDARD_RIGHTS_WRITE | KEY_SET_VALUE | KEY_CREATE_SUB_KEY) & ~SYNCHRONIZE)
#define KEY_EXECUTE (KEY_READ & ~SYNCHRONIZE)
#define KEY_ALL_ACCESS ((STANDARD_RIGHTS_ALL | KEY_QUERY_VALUE | KEY_SET_VALUE | KEY_CREATE_SUB_KEY | \
                         KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY | KEY_CREATE_LINK) & ~SYNCHRONIZE)

/* RegCreateKeyEx options and dispositions. */
#define REG_OPTION_RESERVED 0x00000000u
#define REG_OPTION_NON_VOLATILE 0x00000000u
#define REG_OPTION_VOLATILE 0x00000001u
#define REG_OPTION_CREATE_LINK 0x00000002u
#define REG_OPTION_BACKUP_RESTORE 0x00000004u
#define REG_OPTION_OPEN_LINK 0x00000008u
#define REG_CREATED_NEW_KEY 0x00000001u
#define REG_OPENED_EXISTING_KEY 0x00000002u

/* Value types. */
#define REG_NONE 0u
#define REG_SZ 1u
#define REG_EXPAND_SZ 2u
#define REG_BINARY 3u
#define REG_DWORD 4u
#define REG_DWORD_LITTLE_ENDIAN 4u
#define REG_DWORD_BIG_ENDIAN 5u
#define REG_LINK 6u
#define REG_MULTI_SZ 7u
#define REG_RESOURCE_LIST 8u
#define REG_FULL_RESOURCE_DESCRIPTOR 9u
#define REG_RESOURCE_REQUIREMENTS_LIST 10u
#define REG_QWORD 11u
#define REG_QWORD_LITTLE_ENDIAN 11u

/* RegGetValue flags. */
#define RRF_RT_REG_NONE 0x00000001u
#define RRF_RT_REG_SZ 0x00000002u
#define RRF_RT_REG_EXPAND_SZ 0x00000004u
#define RRF_RT_REG_BINARY 0x00000008u
#define RRF_RT_REG_DWORD 0x00000010u
#define RRF_RT_REG_MULTI_SZ 0x00000020u
#define RRF_RT_REG_QWORD 0x00000040u
#define RRF_RT_DWORD (RRF_RT_REG_BINARY | RRF_RT_REG_DWORD)
#define RRF_RT_QWORD (RRF_RT_REG_BINARY | RRF_RT_REG_QWORD)
#define RRF_RT_ANY 0x0000FFFFu
#define RRF_SUBKEY_WOW6464KEY 0x00010000u
#define RRF_SUBKEY_WOW6432KEY 0x00020000u
#define RRF_NOEXPAND 0x10000000u
#define RRF_ZEROONFAILURE 0x20000000u

/* Registry error codes winerror.h does not carry yet. */
#ifndef ERROR_BADDB
#define ERROR_BADDB 1009u
#endif
#ifndef ERROR_BADKEY
#define ERROR_BADKEY 1010u
#endif
#ifndef ERROR_CANTOPEN
#define ERROR_CANTOPEN 1011u
#endif
#ifndef ERROR_CANTREAD
#define ERROR_CANTREAD 1012u
#endif
#ifndef ERROR_CANTWRITE
#define ERROR_CANTWRITE 1013u
#endif
#ifndef ERROR_REGISTRY_CORRUPT
#define ERROR_REGISTRY_CORRUPT 1015u
#endif
#ifndef ERROR_REGISTRY_IO_FAILED
#define ERROR_REGISTRY_IO_FAILED 1016u
#endif
#ifndef ERROR_KEY_DELETED
#define ERROR_KEY_DELETED 1018u
#endif
#ifndef ERROR_UNSUPPORTED_TYPE
#define ERROR_UNSUPPORTED_TYPE 1630u
#endif
#ifndef ERROR_DATATYPE_MISMATCH
#define ERROR_DATATYPE_MISMATCH 1629u
#endif

STDAPI_(LONG) RegCreateKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD Reserved, LPWSTR lpClass,
                              DWORD dwOptions, REGSAM samDesired,
                              const SECURITY_ATTRIBUTES *lpSecurityAttributes, PHKEY phkResult,
                              LPDWORD lpdwDisposition);
STDAPI_(LONG) RegOpenKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD ulOptions, REGSAM samDesired,
                            PHKEY phkResult);
STDAPI_(LONG) RegSetValueExW(HKEY hKey, LPCWSTR lpValueName, DWORD Reserved, DWORD dwType,
                             const BYTE *lpData, DWORD cbData);
STDAPI_(LONG) RegQueryValueExW(HKEY hKey, LPCWSTR lpValueName, LPDWORD lpReserved,
                               LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData);
STDAPI_(LONG) RegGetValueW(HKEY hkey, LPCWSTR lpSubKey, LPCWSTR lpValue, DWORD dwFlags,
                           LPDWORD pdwType, PVOID pvData, LPDWORD pcbData);
STDAPI_(LONG) RegEnumKeyExW(HKEY hKey, DWORD dwIndex, LPWSTR lpName, LPDWORD lpcchName,
                            LPDWORD lpReserved, LPWSTR lpClass, LPDWORD lpcchClass,
                            FILETIME *lpftLastWriteTime);
STDAPI_(LONG) RegEnumValueW(HKEY hKey, DWORD dwIndex, LPWSTR lpValueName, LPDWORD lpcchValueName,
                            LPDWORD lpReserved, LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData);
STDAPI_(LONG) RegDeleteKeyW(HKEY hKey, LPCWSTR lpSubKey);
STDAPI_(LONG) RegDeleteTreeW(HKEY hKey, LPCWSTR lpSubKey);
STDAPI_(LONG) RegDeleteValueW(HKEY hKey, LPCWSTR lpValueName);
STDAPI_(LONG) RegCloseKey(HKEY hKey);

COMRT_END_DECLS

#endif /* COMRT_WINREG_H */

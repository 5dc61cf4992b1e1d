/*
 * base/utf16.h — internal UTF-16 helpers shared by the subsystems.
 * OLECHAR strings are UTF-16 (char16_t); libc's wcs* functions are for the
 * 32-bit wchar_t and must not be used on them.
 */
#ifndef COMRT_BASE_UTF16_H
#define COMRT_BASE_UTF16_H

#include <comrt.h>

/* Length in code units of a NUL-terminated string; 0 for NULL. */
size_t comrt__utf16_len(const WCHAR *s);

/* Compares two NUL-terminated strings by code unit (NULL sorts as ""). */
int comrt__utf16_cmp(const WCHAR *a, const WCHAR *b);

/* Case-insensitive (ASCII letters only) comparison of NUL-terminated strings. */
int comrt__utf16_icmp_ascii(const WCHAR *a, const WCHAR *b);

/* Converts len bytes of UTF-8 to UTF-16.  Writes at most cap units to out
 * (out may be NULL when cap is 0) and returns the number of units the whole
 * conversion needs, so a caller sizes with one call and fills with another.
 * Invalid or overlong sequences become U+FFFD; no NUL is appended. */
size_t comrt__utf8_to_utf16(const char *s, size_t len, WCHAR *out, size_t cap);

/* Converts len units of UTF-16 to UTF-8, same contract as above; unpaired
 * surrogates become U+FFFD. */
size_t comrt__utf16_to_utf8(const WCHAR *s, size_t len, char *out, size_t cap);

/* The same into a new NUL-terminated buffer (malloc'ed; the caller frees);
 * NULL when out of memory.  For handing names and paths to libc. */
char *comrt__utf16_to_utf8_dup(const WCHAR *s, size_t len);

/* len bytes of UTF-8 as a new NUL-terminated UTF-16 string (malloc'ed; the
 * caller frees), its length in units in *units (optional); NULL when out of
 * memory.  For text from libc (dlerror, messages) and UTF-8 names. */
WCHAR *comrt__utf8_to_utf16_dup(const char *s, size_t len, size_t *units);

/* Copies an ASCII C string into a UTF-16 buffer of cap units (NUL included);
 * returns the units written without the NUL, or 0 if it does not fit. */
size_t comrt__ascii_to_utf16(const char *s, WCHAR *out, size_t cap);

#endif /* COMRT_BASE_UTF16_H */

/*
 * base/iids.c — the one definition of every IID the public headers declare
 * (Windows keeps them in uuid.lib; comrt exports them from libcomrt).
 */
#include <comrt/initguid.h>
#include <comrt.h>

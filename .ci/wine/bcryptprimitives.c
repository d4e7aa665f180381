/*
 * A stand-in for Windows' bcryptprimitives.dll, which Wine 8 (Debian 12) lacks.
 * Rust's std (1.78 and later) imports ProcessPrng from it for its random numbers
 * (HashMap seeds), so without it no Rust program starts under that Wine. This one
 * fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll \
 *            bcryptprimitives.c -ladvapi32
 * and put it in the Wine prefix's windows/system32. Only .ci/cross uses it.
 */
#include <windows.h>
#include <ntsecapi.h>

/* Like the real one, it takes any length and reports success. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}

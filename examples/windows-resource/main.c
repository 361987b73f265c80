// Prints the file version from the program's own version resource, read
// with kernel32 only (FindResource), so the test proves the .rc was linked in.
#include <stdio.h>
#include <windows.h>

int main(void) {
  HRSRC found = FindResourceA(NULL, MAKEINTRESOURCEA(VS_VERSION_INFO), MAKEINTRESOURCEA(16) /* RT_VERSION */);
  if (!found) {
    puts("no version resource");
    return 1;
  }
  const BYTE* data = (const BYTE*)LockResource(LoadResource(NULL, found));
  // VS_VERSIONINFO: three WORDs, L"VS_VERSION_INFO" (16 WCHARs), padding to
  // 32 bits, then VS_FIXEDFILEINFO.
  const VS_FIXEDFILEINFO* info = (const VS_FIXEDFILEINFO*)(data + 40);
  if (info->dwSignature != 0xFEEF04BD) {
    puts("bad version resource");
    return 1;
  }
  printf("version %lu.%lu.%lu.%lu\n", (unsigned long)HIWORD(info->dwFileVersionMS),
         (unsigned long)LOWORD(info->dwFileVersionMS), (unsigned long)HIWORD(info->dwFileVersionLS),
         (unsigned long)LOWORD(info->dwFileVersionLS));
  return 0;
}

/* xstatic's libc routines for musl targets: the note every routine's object
 * carries, so that `xstatic inspect` can tell which of musl's routines a
 * binary replaced, stripped binaries included.
 *
 * An ELF note (section .note.xstatic.libc, name "xstatic", type "LIBC",
 * description the routine's name) sits in the same object as the routine:
 * lld keeps SHT_NOTE sections under --gc-sections and -s, and takes the
 * object exactly when the program (or musl itself) calls the routine, so
 * the note is in a binary exactly when the routine is. The values must
 * match include/xstatic/target/notes.hpp.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#ifndef XSTATIC_LIBC_NOTE_H
#define XSTATIC_LIBC_NOTE_H

/* name "xstatic\0" (8 bytes), type 0x4c494243 ("LIBC"), description the
 * routine's name with its NUL, padded to 4 bytes. */
#define XSTATIC_LIBC_NOTE(routine)                    \
  __asm__(                                            \
      ".pushsection .note.xstatic.libc,\"a\",%note\n" \
      ".balign 4\n"                                   \
      ".long 8\n"                                     \
      ".long 2f - 1f\n"                               \
      ".long 0x4c494243\n"                            \
      ".asciz \"xstatic\"\n"                          \
      "1: .asciz \"" #routine                         \
      "\"\n"                                          \
      "2: .balign 4\n"                                \
      ".popsection\n")

#endif

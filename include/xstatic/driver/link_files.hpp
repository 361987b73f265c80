// Files a link reads that xstatic writes for it, in one temporary folder per
// link (removed after it, as the SBOM object is). Both only take bytes away;
// docs/libc.md, "Where the C hello's bytes go", has the measurements.
//
// - The C start files: a C link on musl takes xstatic's crtbeginT.o and
//   crtend.o (and crtbeginS.o/crtendS.o for -static-pie) instead of gcc's,
//   found first through -B. gcc 12's crtbeginT.o holds frame_dummy (it
//   registers .eh_frame with __register_frame_info when libgcc_eh is linked),
//   __do_global_dtors_aux, the transactional-memory clone tables
//   (_ITM_registerTMCloneTable: gcc -fgnu-tm and libitm only) and
//   __dso_handle; crtend.o the .eh_frame terminator. None of it is needed
//   by a static musl program: musl's __libc_start_main runs .init_array and
//   exit() .fini_array (lld defines their bounds), the unwinder finds frames
//   through PT_GNU_EH_FRAME (clang passes --eh-frame-hdr to every link), and
//   gcc 12's crtbeginT runs no .ctors. Only __dso_handle is kept (C++ objects
//   pass its address to __cxa_atexit), hidden and in a section of its own that
//   --gc-sections drops when nothing refers to it. -488 B on the C hello
//   (amd64, after .comment went). A
//   link that names a C++ runtime (-lc++, -lstdc++, -lsupc++, -lc++abi,
//   -lunwind) keeps gcc's files, as `xstatic c++` does.
// - The .comment script: lld writes its own .comment (and keeps clang's and
//   gcc's) into every output; a stripped link drops it with a linker script
//   that only discards (`SECTIONS { /DISCARD/ : { *(.comment) } } INSERT
//   AFTER .text;`: an INSERT script leaves lld's default layout as it is).
//   -208 B on a C hello. Not when the user gives a linker script of their own
//   or keeps symbols (--strip=none/debug, -g).
#pragma once

#include <string>
#include <string_view>

#include "xstatic/driver/args.hpp"
#include "xstatic/driver/command.hpp"

namespace xstatic::driver {

inline constexpr const char* kNoCommentScript = "no-comment.ld";

// True when this link takes xstatic's C start files (see above).
bool wants_c_startfiles(const Invocation& inv, const Plan& plan);

// True when this link drops .comment (see above).
bool wants_comment_dropped(const Invocation& inv, const Plan& plan);

// crtbegin (with `dso_handle`) or crtend (without) for `row`: a relocatable
// ELF object (src/driver/sbom_object.cpp writes it).
std::string startfile_object(const target::Row& row, std::uint32_t e_flags, bool dso_handle);

// Writes the folder for this link and sets plan.link_files,
// plan.c_startfiles and plan.drops_comment; leaves them unset when nothing
// is due or the folder cannot be written (the link then goes on as before).
// The caller removes the folder (driver.cpp holds it as a util::TempPath).
void write_link_files(const Invocation& inv, Plan& plan);

}  // namespace xstatic::driver

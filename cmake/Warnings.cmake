# One INTERFACE target carries the project's warning flags.
add_library(xstatic_warnings INTERFACE)
target_compile_options(xstatic_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference -Wformat=2)
if(XSTATIC_WERROR)
  target_compile_options(xstatic_warnings INTERFACE -Werror)
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false -Wrestrict positives inside libstdc++'s std::string (GCC bug 105329).
  target_compile_options(xstatic_warnings INTERFACE -Wno-restrict)
endif()

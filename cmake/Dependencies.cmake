# Finds ptlint's dependencies; configure stops with one sentence naming the
# Debian package to install when one is missing.

find_package(PkgConfig)
if(NOT PkgConfig_FOUND)
  message(FATAL_ERROR "ptlint needs pkg-config: apt-get install pkg-config")
endif()
find_package(Threads REQUIRED)

function(ptlint_require_pkg module package)
  pkg_check_modules(${module} QUIET IMPORTED_TARGET ${ARGN})
  if(NOT ${module}_FOUND)
    message(FATAL_ERROR
      "ptlint needs ${ARGN}: apt-get install ${package}")
  endif()
endfunction()

ptlint_require_pkg(TREE_SITTER libtree-sitter-dev tree-sitter)
ptlint_require_pkg(YAML libyaml-dev yaml-0.1)
ptlint_require_pkg(CMOCKA libcmocka-dev cmocka)

find_path(LIBCLANG_INCLUDE_DIR clang-c/Index.h
  HINTS /usr/lib/llvm-14/include)
find_library(LIBCLANG_LIBRARY NAMES clang-14 clang
  HINTS /usr/lib/llvm-14/lib)
if(NOT LIBCLANG_INCLUDE_DIR OR NOT LIBCLANG_LIBRARY)
  message(FATAL_ERROR "ptlint needs libclang: apt-get install libclang-14-dev")
endif()
add_library(ptlint_libclang INTERFACE)
target_include_directories(ptlint_libclang SYSTEM INTERFACE
  "${LIBCLANG_INCLUDE_DIR}")
target_link_libraries(ptlint_libclang INTERFACE "${LIBCLANG_LIBRARY}")

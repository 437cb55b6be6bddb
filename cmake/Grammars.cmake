# Fetches the pinned tree-sitter grammars with `npm pack`, checks each
# tarball's sha512 against the pin, unpacks it under the build tree and
# defines a static library per grammar.  Nothing third-party is committed.

set(PTLINT_GRAMMAR_DIR "${CMAKE_BINARY_DIR}/grammars")

find_program(PTLINT_NPM npm)
if(NOT PTLINT_NPM)
  message(FATAL_ERROR
    "ptlint needs npm to fetch its tree-sitter grammars: apt-get install npm")
endif()

# ptlint_fetch_grammar(NAME VERSION SHA512 SOURCES...)
function(ptlint_fetch_grammar name version sha512)
  set(dest "${PTLINT_GRAMMAR_DIR}/${name}-${version}")
  set(tarball "${PTLINT_GRAMMAR_DIR}/${name}-${version}.tgz")
  if(NOT EXISTS "${dest}/package/src/parser.c")
    file(MAKE_DIRECTORY "${PTLINT_GRAMMAR_DIR}")
    if(NOT EXISTS "${tarball}")
      execute_process(
        COMMAND "${PTLINT_NPM}" pack "${name}@${version}" --silent
        WORKING_DIRECTORY "${PTLINT_GRAMMAR_DIR}"
        RESULT_VARIABLE npm_status
        OUTPUT_QUIET ERROR_VARIABLE npm_error)
      if(NOT npm_status EQUAL 0 OR NOT EXISTS "${tarball}")
        message(FATAL_ERROR
          "npm pack ${name}@${version} failed; ptlint needs the npm "
          "registry to fetch its grammar: ${npm_error}")
      endif()
    endif()
    file(SHA512 "${tarball}" actual)
    if(NOT actual STREQUAL sha512)
      file(REMOVE "${tarball}")
      message(FATAL_ERROR
        "${name}-${version}.tgz has sha512 ${actual}, expected ${sha512}; "
        "refusing to build an unverified grammar")
    endif()
    file(MAKE_DIRECTORY "${dest}")
    file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${dest}")
  endif()
  set(srcs)
  foreach(src IN LISTS ARGN)
    list(APPEND srcs "${dest}/package/src/${src}")
  endforeach()
  string(REPLACE "-" "_" target "${name}")
  add_library(${target} STATIC ${srcs})
  target_include_directories(${target} PRIVATE "${dest}/package/src")
  # Generated code: not ours to warn about.
  target_compile_options(${target} PRIVATE -w)
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  set_property(GLOBAL APPEND PROPERTY PTLINT_GRAMMARS "${name}@${version}")
endfunction()

ptlint_fetch_grammar(tree-sitter-c 0.23.6
  d1dc572b39d5c94034b3a3e336894936cdb217cecee5a2f9dfc03f791ea78c0e68a97dc2def1f8be7c7741d38ac2e51da4a11c15d1ee883a5128b2c203fb63bd
  parser.c)
ptlint_fetch_grammar(tree-sitter-python 0.23.6
  c8833dcf4a31288c53edb02d3ce860a1597a8135e59a5221b9eee58854f8a013c5fe585aec76b8750052f3602fea130c459a159c5248f0cea62fe4b05a82c3dc
  parser.c scanner.c)

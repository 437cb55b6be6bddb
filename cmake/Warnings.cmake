# Warnings and sanitizers for ptlint's own code (not the grammars).

add_library(ptlint_flags INTERFACE)
target_compile_options(ptlint_flags INTERFACE
  -Wall -Wextra -Wshadow -Wpedantic -Wstrict-prototypes)
if(PTLINT_WERROR)
  target_compile_options(ptlint_flags INTERFACE -Werror)
endif()
target_compile_definitions(ptlint_flags INTERFACE _POSIX_C_SOURCE=200809L _XOPEN_SOURCE=700)

if(PTLINT_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
elseif(PTLINT_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
elseif(NOT PTLINT_SANITIZE STREQUAL "")
  message(FATAL_ERROR
    "PTLINT_SANITIZE must be empty, 'address' or 'thread', not "
    "'${PTLINT_SANITIZE}'")
endif()

if(PTLINT_COVERAGE)
  add_compile_options(--coverage -O0)
  add_link_options(--coverage)
endif()

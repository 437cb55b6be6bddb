# One line per rule source; kept beside rules.def.
target_sources(ptlint_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/parse_error.c
  ${CMAKE_CURRENT_LIST_DIR}/unused_suppression.c
)

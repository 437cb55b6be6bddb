# One line per rule source; kept beside rules.def.
target_sources(ptlint_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/rule_util.c
  ${CMAKE_CURRENT_LIST_DIR}/naming_style.c
  ${CMAKE_CURRENT_LIST_DIR}/parse_error.c
  ${CMAKE_CURRENT_LIST_DIR}/unused_suppression.c
  ${CMAKE_CURRENT_LIST_DIR}/non_prototype_declaration.c
  ${CMAKE_CURRENT_LIST_DIR}/excess_complexity.c
  ${CMAKE_CURRENT_LIST_DIR}/missing_type_hints.c
  ${CMAKE_CURRENT_LIST_DIR}/unused_import.c
  ${CMAKE_CURRENT_LIST_DIR}/unused_variable.c
  ${CMAKE_CURRENT_LIST_DIR}/unused_parameter.c
  ${CMAKE_CURRENT_LIST_DIR}/missing_doc.c
  ${CMAKE_CURRENT_LIST_DIR}/naming_inconsistency.c
  ${CMAKE_CURRENT_LIST_DIR}/inconsistent_indentation.c
  ${CMAKE_CURRENT_LIST_DIR}/lockset.c
  ${CMAKE_CURRENT_LIST_DIR}/lock_leak.c
  ${CMAKE_CURRENT_LIST_DIR}/unguarded_shared_state.c
  ${CMAKE_CURRENT_LIST_DIR}/taint.c
  ${CMAKE_CURRENT_LIST_DIR}/unbounded_copy.c
  ${CMAKE_CURRENT_LIST_DIR}/ignored_error_return.c
  ${CMAKE_CURRENT_LIST_DIR}/nullable.c
  ${CMAKE_CURRENT_LIST_DIR}/unchecked_lookup_result.c
  ${CMAKE_CURRENT_LIST_DIR}/swallowed_exception.c
  ${CMAKE_CURRENT_LIST_DIR}/exceptions.c
  ${CMAKE_CURRENT_LIST_DIR}/undocumented_raise.c
  ${CMAKE_CURRENT_LIST_DIR}/unvalidated_lookup.c
)

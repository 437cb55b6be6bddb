# The libclang C frontend (docs/model.md).
target_sources(ptlint_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/clang_c.c
  ${CMAKE_CURRENT_LIST_DIR}/clang_c_util.c
  ${CMAKE_CURRENT_LIST_DIR}/clang_c_lines.c
  ${CMAKE_CURRENT_LIST_DIR}/clang_c_decls.c
  ${CMAKE_CURRENT_LIST_DIR}/clang_c_stmt.c
  ${CMAKE_CURRENT_LIST_DIR}/clang_c_expr.c
  ${CMAKE_CURRENT_LIST_DIR}/clang_c_cond.c)

target_sources(ptlint_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ts_c.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_c_decl.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_c_expr.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_c_cond.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_c_cfg.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_c_lines.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_c_macro.c)

target_sources(ptlint_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ts_python.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_python_scope.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_python_decl.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_python_lines.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_python_metrics.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_python_expr.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_python_cond.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_python_cfg.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_python_compound.c
  ${CMAKE_CURRENT_LIST_DIR}/ts_python_try.c)

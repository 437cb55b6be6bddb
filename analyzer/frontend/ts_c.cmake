target_sources(ptlint_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/ts_c.c)

target_sources(ptlint_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/clang_c.c)

ptlint_unit_test(test_frontend_clang ${CMAKE_CURRENT_LIST_DIR}/test_frontend_clang.c)

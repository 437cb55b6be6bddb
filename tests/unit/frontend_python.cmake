ptlint_unit_test(test_frontend_python ${CMAKE_CURRENT_LIST_DIR}/test_frontend_python.c)

ptlint_unit_test(test_frontend_ts_c ${CMAKE_CURRENT_LIST_DIR}/test_frontend_ts_c.c)

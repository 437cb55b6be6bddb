# Unit tests of analyzer/config: loading, errors, overrides, globs.
ptlint_unit_test(test_config ${CMAKE_CURRENT_LIST_DIR}/test_config.c)
target_compile_definitions(test_config PRIVATE
  PTLINT_CONFIG_FIXTURES="${CMAKE_CURRENT_LIST_DIR}/config")

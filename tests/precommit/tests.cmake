# The pre-commit hook, run by Debian's pre-commit in a temporary repository.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME precommit.hook
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/precommit_test.py
          $<TARGET_FILE:ptlint> ${PROJECT_SOURCE_DIR})
set_tests_properties(precommit.hook PROPERTIES SKIP_RETURN_CODE 77)

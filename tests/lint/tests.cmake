# ptlint's own C passes cppcheck without a note (the brief's engineering
# standard).  cppcheck is a test oracle, not a build dependency: without
# it the test is skipped, not failed.
find_program(PTLINT_CPPCHECK cppcheck)
if(PTLINT_CPPCHECK)
  add_test(NAME lint.cppcheck
    COMMAND ${PTLINT_CPPCHECK} --enable=warning,style,performance,portability
            --std=c11 --quiet --inline-suppr --error-exitcode=1
            --suppress=missingIncludeSystem
            -I analyzer/include -I analyzer -I .
            analyzer rules
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(lint.cppcheck PROPERTIES LABELS lint TIMEOUT 600)
endif()

# `ptlint report --html` and `ptlint audit` end to end
# (tests/reports/reports_test.py).  html_screenshot renders the report
# with headless Chromium and is skipped (77) when no browser is installed.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
foreach(_case html_structure html_screenshot audit_clean audit_seeded
              audit_claims audit_formats)
  add_test(NAME reports.${_case}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/reports_test.py
            $<TARGET_FILE:ptlint> ${PROJECT_SOURCE_DIR} ${_case}
            ${CMAKE_CURRENT_BINARY_DIR}/reports/${_case})
  set_tests_properties(reports.${_case} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
set_tests_properties(reports.html_screenshot PROPERTIES TIMEOUT 300)

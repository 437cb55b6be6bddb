# Unit tests of analyzer/report: every format, golden snapshots in
# tests/golden/report/ (UPDATE_GOLDEN=1 ctest -R unit.test_report rewrites
# them), and the SARIF / JUnit outputs checked by outside validators.
ptlint_unit_test(test_report ${CMAKE_CURRENT_LIST_DIR}/test_report.c)
target_compile_definitions(test_report PRIVATE
  PTLINT_REPORT_GOLDEN="${PROJECT_SOURCE_DIR}/tests/golden/report")

# `test_report --write FORMAT FILE` writes the sample findings to FILE.
set(_report_out ${CMAKE_CURRENT_BINARY_DIR}/report-sample)
add_test(NAME unit.report_write_samples
  COMMAND ${CMAKE_COMMAND} -E make_directory ${_report_out})
add_test(NAME unit.report_write_sarif
  COMMAND test_report --write sarif ${_report_out}/sample.sarif)
add_test(NAME unit.report_write_junit
  COMMAND test_report --write junit ${_report_out}/sample.xml)
set_tests_properties(unit.report_write_samples PROPERTIES
  FIXTURES_SETUP report_samples_dir)
set_tests_properties(unit.report_write_sarif unit.report_write_junit
  PROPERTIES FIXTURES_REQUIRED report_samples_dir
             FIXTURES_SETUP report_samples)

# The official SARIF 2.1.0 schema (shared/ sits beside the repository).
set(_sarif_validate ${PROJECT_SOURCE_DIR}/../shared/tools/sarif-validate)
if(EXISTS ${_sarif_validate})
  add_test(NAME unit.report_sarif_valid
    COMMAND ${_sarif_validate} ${_report_out}/sample.sarif)
  set_tests_properties(unit.report_sarif_valid PROPERTIES
    FIXTURES_REQUIRED report_samples)
endif()

find_program(PTLINT_PYTHON3 python3)
if(PTLINT_PYTHON3)
  add_test(NAME unit.report_junit_wellformed
    COMMAND ${PTLINT_PYTHON3} -c
      "import sys, xml.dom.minidom as dom\ndom.parse(sys.argv[1])"
      ${_report_out}/sample.xml)
  set_tests_properties(unit.report_junit_wellformed PROPERTIES
    FIXTURES_REQUIRED report_samples)
endif()

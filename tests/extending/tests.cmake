# Extensibility (issue 8): declarative query rules and compiled plugins.
# Included from tests/CMakeLists.txt.

# A plugin built for another ABI version, which ptlint must refuse.
add_library(ptlint_wrong_abi_plugin MODULE
  ${CMAKE_CURRENT_LIST_DIR}/wrong_abi_plugin.c)
target_include_directories(ptlint_wrong_abi_plugin PRIVATE
  "${PROJECT_SOURCE_DIR}/analyzer/include")
target_link_libraries(ptlint_wrong_abi_plugin PRIVATE ptlint_flags)

set(PT_EXTENDING_CASES
  query_fires predicates broken_block broken_quoted broken_predicate
  include_dir configured_severity rules_explain baseline sarif_custom
  plugin_sarif plugin_config wrong_abi)
foreach(case IN LISTS PT_EXTENDING_CASES)
  add_test(NAME extending_${case}
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run.sh ${case}
    WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR})
  set_tests_properties(extending_${case} PROPERTIES ENVIRONMENT
    "PTLINT=$<TARGET_FILE:ptlint>;PLUGIN=$<TARGET_FILE:ptlint_sleep_under_lock>;WRONG_PLUGIN=$<TARGET_FILE:ptlint_wrong_abi_plugin>;WORK=${CMAKE_CURRENT_BINARY_DIR}/extending")
endforeach()

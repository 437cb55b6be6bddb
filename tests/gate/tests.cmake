# CI-gate features end to end: fingerprints, baselines, diff-base, shards,
# cache, GitLab.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME gate.features
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/gate_test.py
          $<TARGET_FILE:ptlint>)

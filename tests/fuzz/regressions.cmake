# Every input the fuzzers ever crashed on, fed through the normal build
# (`ptlint check`): each must finish with a status, never a signal.
# Included from tests/CMakeLists.txt in every build, so the ASan+UBSan CI
# build runs them too.  Files: tests/fuzz/regressions/<target>/<name>.
set(_ptlint_fuzz_dir ${CMAKE_CURRENT_LIST_DIR})
foreach(target ts_c python clang_c config)
  file(GLOB _inputs LIST_DIRECTORIES false
       "${_ptlint_fuzz_dir}/regressions/${target}/*")
  foreach(input IN LISTS _inputs)
    get_filename_component(name "${input}" NAME)
    if(name STREQUAL "README.md")
      continue()
    endif()
    add_test(NAME fuzz-regression-${target}-${name}
      COMMAND sh ${_ptlint_fuzz_dir}/run_regression.sh $<TARGET_FILE:ptlint>
              ${target} ${input})
    set_tests_properties(fuzz-regression-${target}-${name} PROPERTIES
      LABELS fuzz-regression TIMEOUT 120)
  endforeach()
endforeach()

# Golden model dumps of the libclang C frontend.  Each NAME.c.clang.dump is
# the expected output of `dump_model clang NAME.c` run in tests/golden/c.
foreach(name clang_basics)
  add_test(NAME golden.clang.${name}
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check.sh $<TARGET_FILE:dump_model>
            clang ${name}.c
            ${CMAKE_CURRENT_LIST_DIR}/c/${name}.c.clang.dump
    WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR}/c)
endforeach()

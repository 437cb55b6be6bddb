# Golden model dumps of the tree-sitter C frontend (tests/golden/c/*.c).
# To accept a change: UPDATE=1 ctest -R golden.ts-c
foreach(name locking decls parse_error)
  add_test(NAME golden.ts-c.${name}
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check.sh $<TARGET_FILE:dump_model>
            ts-c ${CMAKE_CURRENT_LIST_DIR}/c/${name}.c
            ${CMAKE_CURRENT_LIST_DIR}/c/${name}.ts-c.dump)
endforeach()

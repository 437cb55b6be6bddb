# Golden model dumps of the tree-sitter Python frontend.  Each NAME.py.dump
# is the expected output of `dump_model python NAME.py` run in this folder.
foreach(name locks scopes control)
  add_test(NAME golden.python.${name}
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check.sh $<TARGET_FILE:dump_model>
            python ${name}.py
            ${CMAKE_CURRENT_LIST_DIR}/python/${name}.py.dump
    WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR}/python)
endforeach()

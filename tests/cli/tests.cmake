# End-to-end CLI tests: the real ptlint binary against the contracts of
# shared/design/ARCHITECTURE.md, and the bad-input corpus
# (tests/bad-input/README.md), generated at test time in a temp directory.
find_package(Python3 COMPONENTS Interpreter REQUIRED)

foreach(group commands exit formats determinism suppress config walk)
  add_test(NAME cli.${group}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/cli_test.py
            $<TARGET_FILE:ptlint> ${group})
  set_tests_properties(cli.${group} PROPERTIES TIMEOUT 900)
endforeach()
# -j1 and -j2 must print the same: CI also runs this under ThreadSanitizer.
set_tests_properties(cli.determinism PROPERTIES LABELS concurrency)

add_test(NAME cli.badinput
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/badinput_test.py
          $<TARGET_FILE:ptlint>
          each_file each_file_tree_sitter each_file_clang each_file_clang_db
          crlf_bom_positions
          missing_and_links unreadable configs all_together walk no_writes
          stdin_binary)
# The 10 MB single lines, alone and with the rest of the corpus.
add_test(NAME cli.badinput.big
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/badinput_test.py
          $<TARGET_FILE:ptlint> big_files all_together_big)
set_tests_properties(cli.badinput cli.badinput.big PROPERTIES TIMEOUT 1800)

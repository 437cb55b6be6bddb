# Embeds docs/rules/<id>.md for every rule in rules.def into the binary,
# so that `ptlint explain` and SARIF need no files at run time.
file(STRINGS "${CMAKE_CURRENT_SOURCE_DIR}/rules.def" rule_lines
     REGEX "^PT_RULE\\(")
set(PTLINT_RULE_IDS)
set(rule_docs)
foreach(line IN LISTS rule_lines)
  string(REGEX REPLACE "^PT_RULE\\(([a-z_]+)\\).*" "\\1" symbol "${line}")
  string(REPLACE "_" "-" id "${symbol}")
  list(APPEND PTLINT_RULE_IDS "${id}")
  list(APPEND rule_docs "${PROJECT_SOURCE_DIR}/docs/rules/${id}.md")
endforeach()
set(PTLINT_RULE_IDS "${PTLINT_RULE_IDS}" PARENT_SCOPE)
set(docs_c "${CMAKE_CURRENT_BINARY_DIR}/rule_docs.c")
# Generated at configure time (re-run when a page changes), so that the
# generated file belongs to no directory's build rules.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${rule_docs} "${CMAKE_CURRENT_SOURCE_DIR}/embed_docs.cmake")
set(OUT "${docs_c}")
set(IDS "${PTLINT_RULE_IDS}")
set(DOCS_DIR "${PROJECT_SOURCE_DIR}/docs/rules")
include("${CMAKE_CURRENT_SOURCE_DIR}/embed_docs.cmake")
target_sources(ptlint_core PRIVATE "${docs_c}")
# Doc pages are longer than the 4095 characters ISO C promises a literal.
set_source_files_properties("${docs_c}" TARGET_DIRECTORY ptlint_core
  PROPERTIES COMPILE_OPTIONS "-Wno-overlength-strings")

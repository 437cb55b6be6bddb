# audit.cmake - embeds rules/data/audit.yaml (the review points of
# `ptlint audit`) as `pt_audit_yaml`, at configure time like the
# vocabulary (analyzer/config/embed_text.cmake); editing the YAML re-runs
# configure.
set(PTLINT_AUDIT_YAML "${PROJECT_SOURCE_DIR}/rules/data/audit.yaml")
set(PTLINT_AUDIT_C "${CMAKE_CURRENT_BINARY_DIR}/audit_yaml.c")
include(${PROJECT_SOURCE_DIR}/analyzer/config/embed_text.cmake)
ptlint_embed_text("${PTLINT_AUDIT_YAML}" "${PTLINT_AUDIT_C}" pt_audit_yaml)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${PTLINT_AUDIT_YAML}")
target_sources(ptlint_core PRIVATE "${PTLINT_AUDIT_C}")

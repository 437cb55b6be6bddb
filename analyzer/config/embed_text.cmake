# embed_text.cmake - writes a C file defining `const char NAME[]` with the
# bytes of INPUT and a terminating NUL.  Used at configure time by
# analyzer/config/CMakeLists.txt (include()) or as a script:
#   cmake -DINPUT=in -DOUTPUT=out.c -DNAME=symbol -P embed_text.cmake

function(ptlint_embed_text input output name)
  get_filename_component(input_name "${input}" NAME)
  file(READ "${input}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  # Twelve bytes a line (CMake regexes have no {n}, hence REPEAT).
  string(REPEAT "0x[0-9a-f][0-9a-f]," 12 line)
  string(REGEX REPLACE "(${line})" "\\1\n    " bytes "${bytes}")
  file(CONFIGURE OUTPUT "${output}" @ONLY CONTENT
"/* Generated from ${input_name} by embed_text.cmake; do not edit. */
const char ${name}[] = {
    ${bytes}0x00
};
")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND DEFINED INPUT)
  ptlint_embed_text("${INPUT}" "${OUTPUT}" "${NAME}")
endif()

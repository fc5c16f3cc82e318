# infotally_module(NAME [DEPENDS targets...]) makes the static library it_NAME from lib/NAME/*.cpp.
function(infotally_module name)
  cmake_parse_arguments(ARG "" "" "DEPENDS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/lib/${name}/*.cpp)
  add_library(it_${name} STATIC ${sources})
  target_link_libraries(it_${name} PUBLIC infotally_settings ${ARG_DEPENDS})
endfunction()

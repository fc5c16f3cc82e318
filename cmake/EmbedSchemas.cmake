# Embed schemas/NNN_*.sql into the binary as an ordered list of migrations.
file(GLOB INFOTALLY_SCHEMA_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/schemas/[0-9][0-9][0-9]_*.sql)
list(SORT INFOTALLY_SCHEMA_FILES)
set(INFOTALLY_SCHEMA_CPP ${PROJECT_BINARY_DIR}/generated/schemas.cpp)
add_custom_command(
  OUTPUT ${INFOTALLY_SCHEMA_CPP}
  COMMAND ${CMAKE_COMMAND} -DOUT=${INFOTALLY_SCHEMA_CPP} -DSCHEMA_DIR=${PROJECT_SOURCE_DIR}/schemas
          -P ${PROJECT_SOURCE_DIR}/cmake/embed_schemas_script.cmake
  VERBATIM
  DEPENDS ${INFOTALLY_SCHEMA_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_schemas_script.cmake
  COMMENT "Embedding SQL migrations")

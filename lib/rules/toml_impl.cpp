// toml++'s implementation, compiled once into the rules layer from Debian's headers: every other
// file includes <toml++/toml.h> with TOML_HEADER_ONLY=0 (cmake/Dependencies.cmake, target
// infotally_toml), so the parser is built here instead of loaded from libtomlplusplus.so.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>

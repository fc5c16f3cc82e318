# Warnings and sanitizers as one interface target every target links (STYLE.md practice 8).
add_library(infotally_settings INTERFACE)
target_compile_options(infotally_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)
if(INFOTALLY_WERROR)
  target_compile_options(infotally_settings INTERFACE -Werror)
endif()
if(INFOTALLY_SANITIZE)
  target_compile_options(infotally_settings INTERFACE -fsanitize=address,undefined
                         -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(infotally_settings INTERFACE -fsanitize=address,undefined)
endif()
target_include_directories(infotally_settings INTERFACE ${PROJECT_SOURCE_DIR})
# libstdc++ and libgcc linked in (cmake/Dependencies.cmake says why); the sanitizers' runtimes
# expect them shared.
if(NOT INFOTALLY_SANITIZE AND NOT INFOTALLY_FUZZ)
  target_link_options(infotally_settings INTERFACE -static-libstdc++ -static-libgcc)
endif()

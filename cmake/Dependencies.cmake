# Every dependency comes from a Debian 12 package; scripts/install-deps.sh installs them.
find_package(CLI11 CONFIG REQUIRED)
find_package(fmt REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(Threads REQUIRED)  # reports read the ledger on a second thread (lib/store/scan.cpp)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED libutf8proc)
if(BUILD_TESTING OR NOT DEFINED BUILD_TESTING)
  find_package(doctest REQUIRED)
endif()

# The binary carries its libraries; only glibc stays shared (its iconv loads the GB18030
# converter from glibc's own gconv modules). A short command such as `adopt` is mostly process
# start-up, and each shared object costs it a few dozen page faults to map and relocate (11-20 µs
# each on the bench VM): nine objects took about 3 ms of an 18 ms `adopt` (bench/HISTORY.md,
# one adopt/submit). So: fmt header-only; toml++ compiled in from its headers
# (lib/rules/toml_impl.cpp); SQLite and utf8proc from the static archives in the same Debian -dev
# packages; libstdc++ and libgcc statically (cmake/StandardSettings.cmake), except under the
# sanitizers and the fuzzer, whose runtimes expect them shared.
find_library(INFOTALLY_SQLITE3_ARCHIVE NAMES libsqlite3.a REQUIRED)
find_library(INFOTALLY_UTF8PROC_ARCHIVE NAMES libutf8proc.a REQUIRED)
add_library(infotally_sqlite3 INTERFACE)
target_include_directories(infotally_sqlite3 INTERFACE ${SQLite3_INCLUDE_DIRS})
target_link_libraries(infotally_sqlite3 INTERFACE ${INFOTALLY_SQLITE3_ARCHIVE} m ${CMAKE_DL_LIBS}
                      Threads::Threads)
add_library(infotally_utf8proc INTERFACE)
target_include_directories(infotally_utf8proc INTERFACE ${UTF8PROC_INCLUDE_DIRS})
target_link_libraries(infotally_utf8proc INTERFACE ${INFOTALLY_UTF8PROC_ARCHIVE})
add_library(infotally_toml INTERFACE)
target_include_directories(infotally_toml INTERFACE
                           $<TARGET_PROPERTY:tomlplusplus::tomlplusplus,INTERFACE_INCLUDE_DIRECTORIES>)
target_compile_definitions(infotally_toml INTERFACE TOML_HEADER_ONLY=0)

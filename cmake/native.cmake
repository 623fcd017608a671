# Native half of the build: the server, and every test that runs natively.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(SQLITE REQUIRED IMPORTED_TARGET sqlite3)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)

# Migrations are .sql files under server/storage/migrations, embedded into the binary.
file(GLOB SPOC_MIGRATIONS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/server/storage/migrations/*.sql)
set(SPOC_MIGRATIONS_HEADER ${CMAKE_BINARY_DIR}/generated/spoc_migrations.h)
add_custom_command(OUTPUT ${SPOC_MIGRATIONS_HEADER}
  COMMAND ${CMAKE_COMMAND} -DOUT=${SPOC_MIGRATIONS_HEADER} -DDIR=${CMAKE_SOURCE_DIR}/server/storage/migrations
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_migrations.cmake
  DEPENDS ${SPOC_MIGRATIONS} ${CMAKE_SOURCE_DIR}/cmake/embed_migrations.cmake)

file(GLOB_RECURSE SPOC_SERVER_SOURCES CONFIGURE_DEPENDS server/*.cpp)
list(FILTER SPOC_SERVER_SOURCES EXCLUDE REGEX ".*/server/main\\.cpp$")
add_library(spoc_server_lib STATIC ${SPOC_SERVER_SOURCES} ${SPOC_MIGRATIONS_HEADER})
target_include_directories(spoc_server_lib PUBLIC ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/generated)
target_include_directories(spoc_server_lib SYSTEM PUBLIC ${HTTPLIB_DIR})
# CPPHTTPLIB_USE_POLL: httplib otherwise waits on sockets with select(), which cannot watch a
# descriptor past FD_SETSIZE (1024): with about 1,000 event streams open, every new connection got
# a descriptor past it and was dropped unanswered (bench/sse/README.md). PUBLIC: every translation
# unit that includes httplib.h (server and tests) must agree on it.
target_compile_definitions(spoc_server_lib PUBLIC CPPHTTPLIB_ZLIB_SUPPORT CPPHTTPLIB_LISTEN_BACKLOG=1024
  CPPHTTPLIB_USE_POLL)
target_link_libraries(spoc_server_lib PUBLIC spoc_shared PkgConfig::SODIUM PkgConfig::SQLITE
  Threads::Threads ZLIB::ZLIB)

add_executable(spoc-server server/main.cpp)
target_link_libraries(spoc-server PRIVATE spoc_server_lib)

# ---- tests ---------------------------------------------------------------------------------
file(GLOB SPOC_SHARED_TESTS CONFIGURE_DEPENDS tests/shared/*.cpp)
add_executable(shared_tests ${SPOC_SHARED_TESTS})
target_link_libraries(shared_tests PRIVATE spoc_shared)
add_test(NAME shared_native COMMAND shared_tests)

file(GLOB SPOC_SERVER_TESTS CONFIGURE_DEPENDS tests/server/*.cpp)
if(SPOC_SERVER_TESTS)
  add_executable(server_tests ${SPOC_SERVER_TESTS})
  target_link_libraries(server_tests PRIVATE spoc_server_lib)
  add_dependencies(server_tests spoc-server)  # the crash test spawns the real binary
  target_compile_definitions(server_tests PRIVATE SPOC_SERVER_BINARY="$<TARGET_FILE:spoc-server>")
  add_test(NAME server_http COMMAND server_tests)
  set_tests_properties(server_http PROPERTIES TIMEOUT 300)
endif()

file(GLOB SPOC_CLIENT_TESTS CONFIGURE_DEPENDS tests/client/*.cpp)
if(SPOC_CLIENT_TESTS)
  add_executable(client_tests ${SPOC_CLIENT_TESTS})
  target_link_libraries(client_tests PRIVATE spoc_client_core)
  target_include_directories(client_tests PRIVATE ${CMAKE_SOURCE_DIR})
  add_test(NAME client_headless COMMAND client_tests)
endif()

# Message catalogs: fresh template, every language complete, no UI string around the catalog.
add_test(NAME i18n_catalogs COMMAND node ${CMAKE_SOURCE_DIR}/tests/i18n/check.mjs WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

# End-to-end journeys in headless Chromium against the real server and the wasm client (build/web,
# assembled by scripts/build after the wasm build).
if(SPOC_WEB_DIR)
  file(GLOB SPOC_E2E_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/e2e/*.e2e.mjs)
  foreach(journey ${SPOC_E2E_TESTS})
    get_filename_component(name ${journey} NAME_WE)
    add_test(NAME e2e_${name} COMMAND node ${journey})
    set_tests_properties(e2e_${name} PROPERTIES TIMEOUT 300 ENVIRONMENT
      "SPOC_SERVER=$<TARGET_FILE:spoc-server>;SPOC_WEB_DIR=${SPOC_WEB_DIR};SPOC_ASSETS=${CMAKE_SOURCE_DIR}/assets;NODE_PATH=${CMAKE_SOURCE_DIR}/node_modules")
  endforeach()
endif()

# ---- benchmark drivers: built only on request (bench/update/run, bench/sse/run, bench/walkup/run)
# HTTP clients against a running spoc-server. poll() instead of select(): a driver holding
# hundreds of sockets would otherwise refuse any descriptor past FD_SETSIZE (1024).
foreach(bench update sse walkup)
  add_executable(spoc_bench_${bench} EXCLUDE_FROM_ALL bench/${bench}/${bench}_bench.cpp)
  target_include_directories(spoc_bench_${bench} PRIVATE ${CMAKE_SOURCE_DIR})
  target_include_directories(spoc_bench_${bench} SYSTEM PRIVATE ${HTTPLIB_DIR})
  target_compile_definitions(spoc_bench_${bench} PRIVATE CPPHTTPLIB_USE_POLL)
  target_link_libraries(spoc_bench_${bench} PRIVATE Threads::Threads)
endforeach()
# The walk-up driver also simulates desk days with the pure wait rules (shared/domain/walkup.h).
target_link_libraries(spoc_bench_walkup PRIVATE spoc_shared)

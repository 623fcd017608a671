# WebAssembly half of the build: the browser client (spoc.js + spoc.wasm) and the shared tests
# as wasm, run under node. Emscripten quirks of this machine are in ../shared/TOOLCHAIN.md.
add_library(imgui_backends STATIC ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_compile_options(imgui_backends PRIVATE -sUSE_GLFW=3 -w)
target_link_libraries(imgui_backends PUBLIC imgui_core)

file(GLOB SPOC_CLIENT_WEB_SOURCES CONFIGURE_DEPENDS client/platform/*_web.cpp client/net/*_web.cpp client/main.cpp)
add_executable(spoc ${SPOC_CLIENT_WEB_SOURCES})
target_link_libraries(spoc PRIVATE spoc_client_core imgui_backends)
target_link_options(spoc PRIVATE -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web -sEXPORTED_RUNTIME_METHODS=['ccall','UTF8ToString','stringToUTF8','lengthBytesUTF8']
  -sEXPORTED_FUNCTIONS=['_main','_malloc','_free'] -sEXIT_RUNTIME=0
  --emit-symbol-map)  # spoc.js.symbols: wasm-function[N] in a browser profile -> its C++ name
set_target_properties(spoc PROPERTIES SUFFIX ".js")

file(GLOB SPOC_SHARED_TESTS CONFIGURE_DEPENDS tests/shared/*.cpp)
add_executable(shared_tests_wasm ${SPOC_SHARED_TESTS})
target_link_libraries(shared_tests_wasm PRIVATE spoc_shared)
target_link_options(shared_tests_wasm PRIVATE -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=node -sNODERAWFS=0)
set_target_properties(shared_tests_wasm PROPERTIES SUFFIX ".js")
add_test(NAME shared_wasm COMMAND node --no-experimental-fetch ${CMAKE_BINARY_DIR}/shared_tests_wasm.js)

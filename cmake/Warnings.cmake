# Project-wide compiler flags: warnings everywhere, -Werror in CI presets, sanitizers on request.
add_compile_options(-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
                    -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
                    -Wnull-dereference -Wimplicit-fallthrough)
if(KIOSK_WERROR)
  add_compile_options(-Werror)
endif()

if(KIOSK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

if(KIOSK_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "KIOSK_FUZZ needs clang (libFuzzer); configure with the `fuzz` preset")
endif()

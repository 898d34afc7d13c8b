# Project-wide compiler flags: warnings everywhere, -Werror in CI presets, sanitizers on request.
add_compile_options(-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
                    -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
                    -Wimplicit-fallthrough)
# -Wnull-dereference only with clang: g++ 12 derives it from optimizer paths at -O2 and reports
# "potential null pointer dereference" inside libstdc++ (std::string, std::vector growth) that
# no source change of ours can address; clang's check is front-end based and precise.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  add_compile_options(-Wnull-dereference)
endif()
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

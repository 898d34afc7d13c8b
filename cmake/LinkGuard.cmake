# kiosk_forbid_links(<target> <regex>): fails the configure step when any library in <target>'s
# link closure — its LINK_LIBRARIES, and recursively every dependency's LINK_LIBRARIES and
# INTERFACE_LINK_LIBRARIES, $<LINK_ONLY:…> included — has a name matching <regex>. The check runs
# deferred, at the end of the top-level directory, when every target and every later
# target_link_libraries call is known. The production `kiosk` uses it to keep sim/ out
# (kiosk/CMakeLists.txt); tests/cmake/link_guard proves it fails.

# Names of the targets and libraries one entry of a link property stands for: plain names, and
# the names inside generator expressions ($<LINK_ONLY:x>, $<$<CONFIG:Debug>:x>, comma lists).
# Condition words (LINK_ONLY, CONFIG, Debug) come out as names too; they match no library.
function(_kiosk_link_entry_names entry out)
  if(entry MATCHES "^::@")  # CMake's marker around links made from another directory
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  string(REPLACE "$<" ";" entry "${entry}")
  string(REPLACE ">" ";" entry "${entry}")
  string(REPLACE "," ";" entry "${entry}")
  set(names "")
  foreach(name IN LISTS entry)
    string(STRIP "${name}" name)
    string(REGEX REPLACE "^:" "" name "${name}")
    # "LINK_ONLY:x" → "x"; "SDL2::SDL2" (a namespaced target) stays whole.
    if(name MATCHES "^[A-Za-z0-9_]+:([^:].*)$")
      set(name "${CMAKE_MATCH_1}")
    endif()
    if(NOT name STREQUAL "")
      list(APPEND names "${name}")
    endif()
  endforeach()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

function(_kiosk_check_links target pattern)
  set(queue "${target}")
  set(seen "${target}")
  string(MAKE_C_IDENTIFIER "${target}" key)
  set(via_${key} "${target}")
  while(queue)
    list(POP_FRONT queue current)
    string(MAKE_C_IDENTIFIER "${current}" current_key)
    set(entries "")
    foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
      get_target_property(values ${current} ${property})
      if(values)
        list(APPEND entries ${values})
      endif()
    endforeach()
    foreach(entry IN LISTS entries)
      _kiosk_link_entry_names("${entry}" names)
      foreach(name IN LISTS names)
        if(name IN_LIST seen)
          continue()
        endif()
        list(APPEND seen "${name}")
        string(MAKE_C_IDENTIFIER "${name}" key)
        set(via_${key} "${via_${current_key}} -> ${name}")
        if(name MATCHES "${pattern}")
          message(FATAL_ERROR "${target} must not link ${name} (matches \"${pattern}\"): ${via_${key}}")
        endif()
        if(TARGET ${name})
          list(APPEND queue "${name}")
        endif()
      endforeach()
    endforeach()
  endwhile()
  list(LENGTH seen count)
  message(STATUS "${target}: ${count} names in the link closure, none matching \"${pattern}\"")
endfunction()

function(kiosk_forbid_links target pattern)
  # A deferred call reads its arguments' variables when it runs, in the top-level scope, where
  # these two are unset: bake the values in as bracket arguments now.
  cmake_language(EVAL CODE
    "cmake_language(DEFER DIRECTORY [==[${CMAKE_SOURCE_DIR}]==] CALL _kiosk_check_links [==[${target}]==] [==[${pattern}]==])")
endfunction()

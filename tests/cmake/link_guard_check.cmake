# Proves kiosk_forbid_links (cmake/LinkGuard.cmake) really fails: configures the probe project
# without and with a kiosk_sim_* library in its target's link closure and expects success, then a
# configure error naming the library and the path to it.
foreach(link_sim OFF ON)
  file(REMOVE_RECURSE ${WORK_DIR}/${link_sim})
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/cmake/link_guard -B ${WORK_DIR}/${link_sim}
                          -DKIOSK_SOURCE_DIR=${SOURCE_DIR} -DLINK_SIM=${link_sim}
                  RESULT_VARIABLE exit_code OUTPUT_VARIABLE output ERROR_VARIABLE errors TIMEOUT 60)
  if(link_sim STREQUAL "OFF" AND NOT exit_code EQUAL 0)
    message(FATAL_ERROR "the guard refused a clean link closure:\n${output}\n${errors}")
  endif()
  if(link_sim STREQUAL "ON")
    if(exit_code EQUAL 0)
      message(FATAL_ERROR "the guard let kiosk_sim_devices into the link closure:\n${output}")
    endif()
    string(REGEX REPLACE "[ \n]+" " " flat "${errors}")  # CMake wraps long messages
    string(FIND "${flat}" "top must not link kiosk_sim_devices" at)
    string(FIND "${flat}" "top -> middle -> kiosk_sim_devices" path_at)
    if(at EQUAL -1 OR path_at EQUAL -1)
      message(FATAL_ERROR "the guard failed without naming the library and its path:\n${errors}")
    endif()
  endif()
endforeach()
message(STATUS "link guard: a clean closure passes, a kiosk_sim_* library two links down fails")

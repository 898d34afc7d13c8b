# Runs `kiosk --sim --headless` in a scratch directory and checks what `make run` promises with no
# display: exit 0, the journey printed (a survey answered in it), at least 8 distinct screens saved,
# both languages present, the speech log of the listening customer, and the bank reached over ISO 8583/TLS with pinned keys (sim.host_transport defaults to iso8583).
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
file(READ ${SOURCE_DIR}/kiosk/config/sim.toml config)
string(REPLACE "out/sim" "${WORK_DIR}/sim" config "${config}")
string(REPLACE "out/screens" "${WORK_DIR}/screens" config "${config}")
string(APPEND config "\n[speech]\nwav_path = \"${WORK_DIR}/speech.wav\"\nlog_path = \"${WORK_DIR}/speech.log\"\n")
file(WRITE ${WORK_DIR}/sim.toml "${config}")

execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY ${KIOSK} --sim --headless --config ${WORK_DIR}/sim.toml
                RESULT_VARIABLE exit_code OUTPUT_VARIABLE output ERROR_VARIABLE errors TIMEOUT 100)
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "kiosk exited with ${exit_code}:\n${output}\n${errors}")
endif()
foreach(expected "screen reading_card" "screen enter_pin" "screen balance" "screen survey" "survey: 5 of 5" "screen thank_you" "demo completed"
                 "(ISO 8583 over mutual TLS, 2 pinned keys)" "requests answered over 1 TLS connection(s)")
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "journey output lacks '${expected}':\n${output}")
  endif()
endforeach()

# Li listens with headphones (kiosk/app/headless_demo.cpp): his visit is in the speech log, one line
# per screen, in Chinese, with his balance and amount — and never his PIN (8888, card_deck.cpp).
file(READ ${WORK_DIR}/speech.log speech)
foreach(expected "attract: 欢迎使用" "enter_pin: 请输入密码" "main_menu: 请选择您要办理的业务" "balance: 账户余额" "可用余额：¥"
                 "take_cash: 请取走现金" "thank_you: 谢谢惠顾")
  string(FIND "${speech}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "speech log lacks '${expected}':\n${speech}")
  endif()
endforeach()
string(FIND "${speech}" "8888" pin_at)
if(NOT pin_at EQUAL -1)
  message(FATAL_ERROR "the speech log holds the PIN:\n${speech}")
endif()
file(SIZE ${WORK_DIR}/speech.wav wav_size)
if(wav_size LESS 100000)
  message(FATAL_ERROR "speech.wav has only ${wav_size} bytes")
endif()

file(GLOB screens ${WORK_DIR}/screens/*.png)
set(distinct "")
set(languages "")
foreach(png ${screens})
  get_filename_component(name ${png} NAME_WE)
  string(REGEX REPLACE "^[0-9]+-" "" name ${name})       # attract-en
  string(REGEX REPLACE "-(en|zh)$" "" screen ${name})
  string(REGEX MATCH "(en|zh)$" language ${name})
  list(APPEND distinct ${screen})
  list(APPEND languages ${language})
endforeach()
list(REMOVE_DUPLICATES distinct)
list(REMOVE_DUPLICATES languages)
list(LENGTH distinct distinct_count)
list(LENGTH languages language_count)
if(distinct_count LESS 8 OR NOT language_count EQUAL 2)
  message(FATAL_ERROR "expected >= 8 distinct screens in 2 languages, got ${distinct_count} (${distinct}) in ${languages}")
endif()
message(STATUS "headless demo: ${distinct_count} distinct screens in ${language_count} languages")

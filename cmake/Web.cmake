# The front end (web/, see docs/web.md): built into web/dist by web/scripts/build.sh when its
# sources changed, and its tests run by CTest: Vitest unit tests and the browser tests
# (playwright-core driving Debian's chromium against the real `journey serve`).
find_program(JOURNEY_NODE node)
if(NOT JOURNEY_NODE)
  message(STATUS "node not found: the front end is not built (run scripts/setup)")
  return()
endif()
add_custom_target(web ALL
  COMMAND ${CMAKE_SOURCE_DIR}/web/scripts/build.sh
  COMMENT "Front end (web/dist)"
  USES_TERMINAL)
# `journey demo` and `journey serve` serve web/dist, so building the program builds it too.
add_dependencies(journey web)
if(JOURNEY_BUILD_TESTS)
  add_test(NAME web.unit COMMAND ${CMAKE_SOURCE_DIR}/web/scripts/ctest.sh unit)
  set_tests_properties(web.unit PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
  if(EXISTS ${CMAKE_SOURCE_DIR}/src/server/server.h)
    # The browser tests need the server (src/server, `journey serve`). Screenshots go to the
    # build tree here; docs/screenshots/ is refreshed by hand (docs/web.md).
    add_test(NAME web.browser
             COMMAND ${CMAKE_SOURCE_DIR}/web/scripts/ctest.sh browser --journey $<TARGET_FILE:journey>
                     --screenshots ${CMAKE_BINARY_DIR}/screenshots
                     --timing-out ${CMAKE_BINARY_DIR}/web_timing.json)
    # RUN_SERIAL: the cold-start timing must not share the two cores with other tests.
    set_tests_properties(web.browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 RUN_SERIAL TRUE)
  endif()
endif()

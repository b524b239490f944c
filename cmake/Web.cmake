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
endif()

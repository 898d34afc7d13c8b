# The kiosk as a Debian package: `cpack -G DEB` in a build directory (after the build: the install
# step does not build, see below) makes kiosk_<version>_<arch>.deb with the two programs, the
# systemd unit, the udev rule, the sysusers file that creates the `kiosk` user, the default
# /etc/kiosk/kiosk.toml and the deployment docs. docs/deployment.md is the bank's side of it.
include(GNUInstallDirs)

# `cpack` (and `ninja install`) installs what was built and builds nothing: the package test runs
# cpack inside an already-built tree (tests/kiosk/service/package_test.cmake), where building
# "all" again would at best cost a ninja pass and at worst race the suite.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(kiosk_deploy ${PROJECT_SOURCE_DIR}/kiosk/deploy)
install(TARGETS kiosk kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${kiosk_deploy}/kiosk.service DESTINATION lib/systemd/system)
install(FILES ${kiosk_deploy}/60-kiosk.rules DESTINATION lib/udev/rules.d)
install(FILES ${kiosk_deploy}/kiosk.sysusers DESTINATION lib/sysusers.d RENAME kiosk.conf)
# Absolute: /etc whatever the prefix; a conffile (CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA below).
install(FILES ${kiosk_deploy}/kiosk.toml DESTINATION /etc/kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/docs/deployment.md ${PROJECT_SOURCE_DIR}/docs/configuration.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VENDOR "kiosk project")
set(CPACK_PACKAGE_CONTACT "kiosk maintainers <kiosk@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Debug symbols stay in the build tree: a terminal gets stripped programs.
set(CPACK_STRIP_FILES ON)
# The shared libraries' packages come from dpkg-shlibdeps (dpkg-dev) reading the programs; what
# they use without linking is named here: the fonts, systemd-sysusers for the postinst, udev, and
# the speech voices espeak-ng loads at run time (libespeak-ng1 itself comes from shlibdeps).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk, systemd, udev, espeak-ng-data")
# The chip reader is reached through the PC/SC daemon (drivers/chip/, docs/devices.md).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "pcscd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${kiosk_deploy}/conffiles ${kiosk_deploy}/postinst ${kiosk_deploy}/prerm ${kiosk_deploy}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)

// kioskctl: reads the kiosk's database, keys file and flow for a technician or developer.
// Everything lives in kioskctl_app.cpp so that tests can run the same code in-process.
#include <iostream>

#include "common/clock.hpp"
#include "kiosk/kioskctl/kioskctl_app.hpp"

int main(int argc, char** argv) {
    const kiosk::SystemClock clock;
    return kiosk::kioskctl::run_kioskctl(argc, argv, std::cout, std::cerr, clock);
}

// The one line systemd shows for the kiosk (`systemctl status kiosk`, STATUS= of sd_notify): what
// the devices allow, as the fitness monitor last assessed them. Never card data: it is built from
// device problems only ("printer: paper out").
#pragma once

#include <string>

#include "kiosk/runtime/service_fitness.hpp"

namespace kiosk::service {

// "in service", "in service without receipts, withdrawals", or
// "out of service (out_of_service.devices): card reader: not connected; …".
std::string service_status_line(const ServiceFitness& fitness);

}  // namespace kiosk::service

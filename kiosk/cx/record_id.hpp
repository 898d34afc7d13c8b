// Record ids: a random (version 4) UUID, used as record id and CRM idempotency key by every
// writer of CX records (the runtime's CxRecorder, `kioskctl cx upload`).
#pragma once

#include <string>

#include "common/random_source.hpp"

namespace kiosk {

std::string make_uuid_v4(RandomSource& random);

}  // namespace kiosk

// Forwarding header: the secure buffer lives in common/secure_buffer.hpp (one type for the whole
// code base, drivers and host messages included); security/ code keeps its short names.
#pragma once

#include "common/secure_buffer.hpp"

namespace kiosk::security {

using kiosk::SecureBuffer;
using kiosk::SecureBytes;
using kiosk::SecureString;

}  // namespace kiosk::security

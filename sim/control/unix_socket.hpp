// The control socket's Unix-socket pieces now live in common/unix_socket.hpp (the kiosk's own
// control socket uses them too); these names keep the simulator's code reading as before.
#pragma once

#include "common/unix_socket.hpp"

namespace kiosk::sim {

using kiosk::is_end_of_stream;
using kiosk::read_line;
using kiosk::unix_address;
using kiosk::write_all;

}  // namespace kiosk::sim

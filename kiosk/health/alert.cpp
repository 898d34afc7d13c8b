#include "kiosk/health/alert.hpp"

namespace kiosk {

std::string_view to_string(AlertSeverity severity) {
    switch (severity) {
        case AlertSeverity::warning: return "warning";
        case AlertSeverity::degraded: return "degraded";
        case AlertSeverity::critical: return "critical";
    }
    return "warning";
}

}  // namespace kiosk

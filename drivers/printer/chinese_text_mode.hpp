// How a receipt printer prints text beyond ASCII (config `devices.printer_chinese`).
#pragma once

#include <cstdint>

namespace kiosk::drivers {

enum class ChineseTextMode : std::uint8_t {
    gb18030,  // FS & … FS . with GB18030 bytes: printers sold in China have the font
    raster,   // GS v 0 images drawn by the kiosk: any ESC/POS printer, slower
};

}  // namespace kiosk::drivers

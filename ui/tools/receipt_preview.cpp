// Draws a sample Chinese receipt the way a printer in raster mode (devices.printer_chinese =
// "raster") prints it: each line through ReceiptRasterizer, aligned on 576-dot paper, written as a
// PNG for people to look at. Run: build/<dir>/bin/receipt_preview [out.png] (default
// out/receipt-preview.png).
#include <SDL_image.h>

#include <cstdio>
#include <exception>
#include <vector>

#include "ui/receipt_rasterizer.hpp"
#include "ui/sdl_handles.hpp"

int main(int argc, char** argv) {
    using namespace kiosk;
    using drivers::Alignment;
    try {
        const std::filesystem::path out = argc > 1 ? argv[1] : "out/receipt-preview.png";
        ui::ReceiptRasterizer rasterizer(ui::FontPaths::debian_default());
        const std::vector<drivers::ReceiptLine> lines = {
            {"开心银行", {true, false, 2, 2, Alignment::center}},
            {"余额查询", {false, false, 1, 1, Alignment::center}},
            {"终端 SIM-0001", {}},
            {"2026-12-02 08:15:00 UTC", {}},
            {"卡号 622848******1234", {}},
            {"流水号 000042  授权码 A1B2C3", {}},
            {"可用余额 ¥12,345.67", {true, false, 1, 1, Alignment::left}},
            {"谢谢惠顾", {false, false, 1, 1, Alignment::center}},
        };
        constexpr std::size_t paper = 576;
        constexpr std::size_t margin = 16;
        std::vector<drivers::MonoBitmap> images;
        std::size_t height = 2 * margin;
        for (const auto& line : lines) {
            auto image = rasterizer.rasterize(line, paper);
            if (!image) throw std::runtime_error(image.error().to_string());
            height += image->height + 6;
            images.push_back(std::move(*image));
        }
        ui::UniqueSurface surface(SDL_CreateRGBSurfaceWithFormat(0, static_cast<int>(paper + 2 * margin),
                                                                 static_cast<int>(height), 32, SDL_PIXELFORMAT_ARGB8888));
        if (!surface) throw std::runtime_error(SDL_GetError());
        SDL_FillRect(surface.get(), nullptr, 0xFFFFFFFFU);
        std::size_t y = margin;
        for (std::size_t i = 0; i < images.size(); ++i) {
            const auto& image = images[i];
            std::size_t x = margin;
            if (lines[i].style.align == Alignment::center) x += (paper - image.width) / 2;
            if (lines[i].style.align == Alignment::right) x += paper - image.width;
            for (std::size_t row = 0; row < image.height; ++row) {
                for (std::size_t column = 0; column < image.width; ++column) {
                    if (!image.dot(column, row)) continue;
                    SDL_Rect dot{static_cast<int>(x + column), static_cast<int>(y + row), 1, 1};
                    SDL_FillRect(surface.get(), &dot, 0xFF000000U);
                }
            }
            y += image.height + 6;
        }
        std::filesystem::create_directories(out.parent_path());
        if (IMG_SavePNG(surface.get(), out.c_str()) != 0) throw std::runtime_error(IMG_GetError());
        std::printf("%s\n", out.c_str());
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "receipt_preview: %s\n", error.what());
        return 1;
    }
}

// RAII guard for SDL and SDL_ttf initialisation: construct one before any font or window, keep it
// alive longer than every handle it made possible. Failures throw (they happen at start-up only).
#pragma once

namespace kiosk::ui {

class SdlSession {
public:
    // Off: fonts and software surfaces only (headless rendering needs no video driver).
    // On:  also the video + events subsystem, for a window and its input.
    enum class Video { Off, On };

    explicit SdlSession(Video video);
    ~SdlSession();

    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;
    SdlSession(SdlSession&&) = delete;
    SdlSession& operator=(SdlSession&&) = delete;

private:
    Video video_;
};

}  // namespace kiosk::ui

#pragma once

#include "Expected.h"
#include "GpioChip.h"

#include <map>
#include <memory>

class QSocketNotifier;
struct gpiod_chip;
struct gpiod_line;

// A GPIO character device through the libgpiod v1 C API.
class LibgpiodChip : public GpioChip
{
    Q_OBJECT
public:
    // `chip` is anything gpiod_chip_open_lookup() takes: "gpiochip0", "/dev/gpiochip0", a label
    // or a number.
    static Expected<std::unique_ptr<LibgpiodChip>> open(const QString &chip);
    ~LibgpiodChip() override;

    bool requestOutput(unsigned line, int initialValue) override;
    bool requestInput(unsigned line) override;
    void setValue(unsigned line, int value) override;
    int value(unsigned line) const override;

    QString name() const override;
    QString errorString() const override;

private:
    explicit LibgpiodChip(gpiod_chip *chip);

    gpiod_line *lineForRequest(unsigned line);
    gpiod_line *requestedLine(unsigned line) const;
    void readEvents(unsigned line);
    // Callers save errno first: building `context` allocates, which may change it.
    void setSystemError(int error, const QString &context) const;

    gpiod_chip *m_chip = nullptr;
    std::map<unsigned, gpiod_line *> m_requestedLines;
    std::map<unsigned, std::unique_ptr<QSocketNotifier>> m_eventNotifiers;
    // value() is const but still has to say why it failed.
    mutable QString m_errorString;
};

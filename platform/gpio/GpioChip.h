#pragma once

#include <QObject>
#include <QString>

// The little of a GPIO chip that the ATX backend uses. It is a seam so that the backend can be
// tested without hardware; levels are physical (0/1), inversion is the backend's business.
class GpioChip : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual bool requestOutput(unsigned line, int initialValue) = 0;
    // Inputs report both edges through lineChanged().
    virtual bool requestInput(unsigned line) = 0;
    virtual void setValue(unsigned line, int value) = 0;
    // -1 on error, see errorString().
    virtual int value(unsigned line) const = 0;

    virtual QString name() const = 0;
    virtual QString errorString() const = 0;

signals:
    void lineChanged(unsigned line);
};

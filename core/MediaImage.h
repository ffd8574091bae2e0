#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// An image in the media store, as listed.
struct MediaImage
{
    QString name;
    qint64 bytes = 0;
    // Hex SHA-256 of the content, from when it was uploaded; empty for a file put into the folder
    // by hand.
    QString sha256;
    QDateTime modified;
};

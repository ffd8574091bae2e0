#include "Failure.h"

#include <QMetaEnum>

QString Failure::codeName(Code code)
{
    return QString::fromLatin1(QMetaEnum::fromType<Code>().valueToKey(int(code)));
}

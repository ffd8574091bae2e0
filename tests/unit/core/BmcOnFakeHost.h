#pragma once

#include "Bmc.h"
#include "Configuration.h"
#include "FakeHostBackend.h"
#include "FastPasswordHasher.h"

#include <QTemporaryDir>

// A whole Bmc on a FakeHostBackend (off, with a reset button and an NMI line), its state in a
// temporary folder and its passwords hashed fast: the model a face's unit test builds its parts
// from. Members are destroyed in reverse order, the Bmc first.
class BmcOnFakeHost
{
public:
    BmcOnFakeHost()
        : bmc(&configuration, &backend, &hasher, directory.path())
    {
    }

    QTemporaryDir directory;
    Configuration configuration;
    FakeHostBackend backend;
    FastPasswordHasher hasher;
    Bmc bmc;
};

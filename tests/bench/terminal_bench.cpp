// The terminal model's cost: CPU time per megabyte of host output fed through TerminalScreen (the
// guard and libvterm), for three kinds of console output: a boot log (plain lines that scroll),
// a full-screen firmware setup redrawn with cursor addressing and colours, and a shell printing
// coloured `ls` output. Prints MB/s per core and CPU seconds per MB/s of sustained output, the
// figure that says what a console at a given rate costs the BMC.
//   terminal_bench [MEGABYTES]
#include "TerminalScreen.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstdio>
#include <ctime>

namespace {

double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

QByteArray bootLog()
{
    QByteArray text;
    for (int line = 0; line < 200; ++line)
        text += "[    1." + QByteArray::number(100000 + line * 37)
            + "] systemd[1]: Started some-service.service - A service with a long description.\r\n";
    return text;
}

QByteArray setupScreen()
{
    QByteArray screen = "\x1b[?25l\x1b[0m\x1b[2J";
    for (int row = 1; row <= 24; ++row) {
        screen += "\x1b[" + QByteArray::number(row) + ";1H" + (row % 3 == 0 ? "\x1b[0;30;47m" : "\x1b[0;37;44m");
        screen += QByteArray("  Setting number ") + QByteArray::number(row) + "                [Enabled]";
        screen += QByteArray(80 - 46, ' ');
    }
    return screen + "\x1b[0m\x1b[25;1H";
}

QByteArray colouredListing()
{
    QByteArray text;
    for (int line = 0; line < 100; ++line)
        text += "drwxr-xr-x  2 root root 4096 Dec  3 17:00 \x1b[01;34mdirectory-" + QByteArray::number(line)
            + "\x1b[0m\r\n-rw-r--r--  1 root root  220 Dec  3 17:00 \x1b[00mfile-" + QByteArray::number(line)
            + ".txt\x1b[0m\r\n";
    return text;
}

void measure(const char *name, const QByteArray &sample, qint64 totalBytes)
{
    TerminalScreen screen(80, 25, 1000);
    // Pieces the size a serial read delivers at a time.
    constexpr qsizetype piece = 256;
    qint64 fed = 0;
    const double start = cpuSeconds();
    while (fed < totalBytes) {
        for (qsizetype offset = 0; offset < sample.size(); offset += piece)
            screen.feed(QByteArrayView(sample).sliced(offset, qMin(piece, sample.size() - offset)));
        fed += sample.size();
    }
    const double seconds = cpuSeconds() - start;
    const double megabytes = double(fed) / 1e6;
    std::printf("%-16s %8.1f MB in %6.2f s CPU: %7.2f MB/s per core, %.3f CPU s per MB/s (%.1f %% of a core "
                "at 115200 baud)\n",
                name, megabytes, seconds, megabytes / seconds, seconds / megabytes,
                100.0 * (seconds / megabytes) * 0.0115200);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const qint64 megabytes = argc > 1 ? QByteArray(argv[1]).toLongLong() : 20;
    const qint64 total = megabytes * 1000 * 1000;
    measure("boot log", bootLog(), total);
    measure("firmware setup", setupScreen(), total);
    measure("coloured ls", colouredListing(), total);
    return 0;
}

#pragma once

#include "ByteReader.h"

#include <QByteArray>

#include <optional>
#include <utility>

// A command's request layout, declared once as a struct whose fields(visit) lists its members in
// wire order:
//
//     struct GetSelEntry
//     {
//         quint16 reservation = 0;
//         quint16 recordId = 0;
//         quint8 offset = 0;
//         quint8 count = 0;
//         void fields(auto &visit) { visit(reservation, recordId, offset, count); }
//     };
//
// From that list the command table derives the lengths it accepts (RequestFields::lengthsOf) and
// decodes what arrived (RequestFields::decode). Field types: quint8, quint16 and quint32
// (little-endian, as IPMI sends them), Bytes<N> (exactly N bytes), and at the end
// std::optional<quint8> (a byte some clients leave out) or Tail<Min, Max> (the rest).
namespace RequestFields {

template <qsizetype N>
struct Bytes
{
    QByteArray value;
};

template <qsizetype Min, qsizetype Max>
struct Tail
{
    QByteArray value;
};

// A command that takes no data.
struct None
{
    void fields(auto &) { }
};

struct Lengths
{
    qsizetype minimum = 0;
    qsizetype maximum = 0;
};

namespace Detail {

struct LengthCounter
{
    Lengths lengths;

    void operator()(auto &...fields) { (count(fields), ...); }

    void count(const quint8 &) { add(1, 1); }
    void count(const quint16 &) { add(2, 2); }
    void count(const quint32 &) { add(4, 4); }
    template <qsizetype N>
    void count(const Bytes<N> &)
    {
        add(N, N);
    }
    template <qsizetype Min, qsizetype Max>
    void count(const Tail<Min, Max> &)
    {
        add(Min, Max);
    }
    void count(const std::optional<quint8> &) { add(0, 1); }

    void add(qsizetype minimum, qsizetype maximum)
    {
        lengths.minimum += minimum;
        lengths.maximum += maximum;
    }
};

struct Decoder
{
    ByteReader reader;

    void operator()(auto &...fields) { (read(fields), ...); }

    void read(quint8 &field) { field = reader.u8(); }
    void read(quint16 &field) { field = reader.u16le(); }
    void read(quint32 &field) { field = reader.u32le(); }
    template <qsizetype N>
    void read(Bytes<N> &field)
    {
        field.value = reader.bytes(N).toByteArray();
    }
    template <qsizetype Min, qsizetype Max>
    void read(Tail<Min, Max> &field)
    {
        field.value = reader.rest().toByteArray();
    }
    void read(std::optional<quint8> &field)
    {
        if (!reader.atEnd())
            field = reader.u8();
    }
};

} // namespace Detail

// The request lengths a layout accepts, from the shortest (every optional field left out) to the
// longest.
template <typename Layout>
Lengths lengthsOf()
{
    Layout layout;
    Detail::LengthCounter counter;
    layout.fields(counter);
    return counter.lengths;
}

// The fields of `data`, which the table has checked against lengthsOf<Layout>().
template <typename Layout>
Layout decode(QByteArrayView data)
{
    Layout layout;
    Detail::Decoder decoder{ByteReader(data)};
    layout.fields(decoder);
    return layout;
}

} // namespace RequestFields

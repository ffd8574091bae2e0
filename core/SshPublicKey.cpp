#include "SshPublicKey.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Reads the SSH wire format (RFC 4251): big-endian lengths, strings and mpints.
class WireReader
{
public:
    explicit WireReader(const QByteArray &bytes)
        : m_bytes(bytes)
    {
    }

    std::optional<QByteArray> string()
    {
        if (m_bytes.size() - m_position < 4)
            return std::nullopt;
        const auto *p = reinterpret_cast<const unsigned char *>(m_bytes.constData() + m_position);
        const quint32 length = quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
        m_position += 4;
        if (length > quint32(m_bytes.size() - m_position))
            return std::nullopt;
        const QByteArray value = m_bytes.mid(m_position, qsizetype(length));
        m_position += qsizetype(length);
        return value;
    }
    bool atEnd() const { return m_position == m_bytes.size(); }

private:
    const QByteArray &m_bytes;
    qsizetype m_position = 0;
};

// The bits of a positive mpint, or nullopt when it is not one (negative, or padded needlessly).
std::optional<int> positiveBits(const QByteArray &mpint)
{
    if (mpint.isEmpty() || (mpint.at(0) & 0x80))
        return std::nullopt;
    qsizetype first = 0;
    if (mpint.at(0) == 0) {
        if (mpint.size() < 2 || !(mpint.at(1) & 0x80))
            return std::nullopt;
        first = 1;
    }
    int bits = int(mpint.size() - first) * 8;
    for (unsigned char top = uchar(mpint.at(first)); !(top & 0x80); top <<= 1)
        --bits;
    return bits;
}

// Why the blob is not a well-formed key of `type`, or empty.
QString structureProblem(const QString &type, const QByteArray &blob)
{
    WireReader reader(blob);
    const std::optional<QByteArray> inner = reader.string();
    if (!inner || QString::fromLatin1(*inner) != type)
        return u"the key data does not start with its type %1"_s.arg(type);
    if (type == u"ssh-ed25519"_s) {
        const auto point = reader.string();
        if (!point || point->size() != 32)
            return u"an Ed25519 key has 32 bytes"_s;
    } else if (type.startsWith(u"ecdsa-sha2-"_s)) {
        const QString curve = type.mid(11);
        const qsizetype coordinate = curve == u"nistp256"_s ? 32 : curve == u"nistp384"_s ? 48 : 66;
        const auto curveName = reader.string();
        const auto point = reader.string();
        if (!curveName || QString::fromLatin1(*curveName) != curve)
            return u"the key's curve is not %1"_s.arg(curve);
        if (!point || point->size() != 1 + 2 * coordinate || point->at(0) != 4)
            return u"the key's point is not an uncompressed point of %1"_s.arg(curve);
    } else if (type == u"ssh-rsa"_s) {
        const auto exponent = reader.string();
        const auto modulus = reader.string();
        const std::optional<int> exponentBits = exponent ? positiveBits(*exponent) : std::nullopt;
        const std::optional<int> modulusBits = modulus ? positiveBits(*modulus) : std::nullopt;
        if (!exponentBits || !modulusBits)
            return u"the RSA key's numbers are malformed"_s;
        if (*modulusBits < SshPublicKey::minRsaBits)
            return u"the RSA key has %1 bits; at least %2 are needed"_s.arg(*modulusBits).arg(SshPublicKey::minRsaBits);
    }
    if (!reader.atEnd())
        return u"the key data has bytes after the key"_s;
    return {};
}

bool isStrictBase64(const QString &text)
{
    if (text.isEmpty() || text.size() % 4 != 0)
        return false;
    const qsizetype padding = text.endsWith(u"=="_s) ? 2 : text.endsWith(u'=') ? 1 : 0;
    for (qsizetype i = 0; i < text.size() - padding; ++i) {
        const QChar c = text.at(i);
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'+' && c != u'/')
            return false;
    }
    return true;
}

} // namespace

Expected<SshPublicKey> SshPublicKey::parse(const QString &line)
{
    const auto refuse = [](const QString &why) { return Failure{Failure::Code::InvalidSshKey, why}; };
    static const QStringList types{u"ssh-ed25519"_s, u"ecdsa-sha2-nistp256"_s, u"ecdsa-sha2-nistp384"_s,
                                   u"ecdsa-sha2-nistp521"_s, u"ssh-rsa"_s};
    if (line.size() > maxLineLength)
        return refuse(u"the key is longer than %1 characters"_s.arg(maxLineLength));
    for (const QChar c : line) {
        if (c.category() == QChar::Other_Control && c != u'\t')
            return refuse(u"the key contains a control character"_s);
    }
    const QStringList fields = line.trimmed().split(QRegularExpression(u"[ \t]+"_s));
    if (fields.size() < 2)
        return refuse(u"expected \"type base64-key [comment]\" as OpenSSH writes it"_s);
    SshPublicKey key;
    key.type = fields.at(0);
    if (!types.contains(key.type))
        return refuse(u"the key type %1 is not accepted; expected one of %2"_s.arg(key.type, types.join(u", "_s)));
    if (!isStrictBase64(fields.at(1)))
        return refuse(u"the key data is not base64"_s);
    key.blob = QByteArray::fromBase64(fields.at(1).toLatin1());
    if (const QString problem = structureProblem(key.type, key.blob); !problem.isEmpty())
        return refuse(problem);
    key.comment = fields.mid(2).join(u' ');
    if (key.comment.size() > maxCommentLength)
        return refuse(u"the comment is longer than %1 characters"_s.arg(maxCommentLength));
    return key;
}

QString SshPublicKey::toOpenSsh() const
{
    QString line = type + u' ' + QString::fromLatin1(blob.toBase64());
    if (!comment.isEmpty())
        line += u' ' + comment;
    return line;
}

QString SshPublicKey::fingerprint() const
{
    const QByteArray hash = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
    return u"SHA256:"_s + QString::fromLatin1(hash.toBase64(QByteArray::OmitTrailingEquals));
}

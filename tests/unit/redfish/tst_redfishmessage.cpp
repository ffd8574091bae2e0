#include "BaseMessages.h"
#include "RedfishMessage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

// Every message qbmc can send, against DMTF's Base registry itself.
class tst_RedfishMessage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyMessageIsTheRegistrys_data();
    void everyMessageIsTheRegistrys();
    void argumentsFillTheText();
    void errorBody();

private:
    QJsonObject m_registry;
};

void tst_RedfishMessage::initTestCase()
{
    QFile file(QStringLiteral(QBMC_DMTF_SCHEMAS "/registries/Base.1.22.1.json"));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("DMTF's Base registry is not in QBMC_DMTF_SCHEMAS (" QBMC_DMTF_SCHEMAS "); message texts not checked");
    m_registry = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(m_registry.value(u"RegistryVersion"_s).toString().section(u'.', 0, 1), u"1.22"_s);
}

void tst_RedfishMessage::everyMessageIsTheRegistrys_data()
{
    QTest::addColumn<QString>("key");
    for (const QString &key : RedfishMessage::knownKeys())
        QTest::newRow(qPrintable(key)) << key;
}

void tst_RedfishMessage::everyMessageIsTheRegistrys()
{
    QFETCH(QString, key);
    const QJsonObject message = m_registry.value(u"Messages"_s).toObject().value(key).toObject();
    QVERIFY2(!message.isEmpty(), qPrintable(key + u" is not in the Base registry"_s));
    const RedfishMessage ours{key, {}, {}, {}};
    QString text = message.value(u"Message"_s).toString();
    QCOMPARE(ours.text(), text);
    QCOMPARE(ours.severity(), message.value(u"MessageSeverity"_s).toString());
}

void tst_RedfishMessage::argumentsFillTheText()
{
    const RedfishMessage message = BaseMessages::resourceNotFound(u"ComputerSystem"_s, u"other"_s);
    QCOMPARE(message.text(), u"The requested resource of type ComputerSystem named 'other' was not found."_s);
    QCOMPARE(message.messageId(), u"Base.1.22.ResourceNotFound"_s);
    QCOMPARE(
        BaseMessages::propertyValueNotInList(u"Floppy"_s, u"Boot/BootSourceOverrideTarget"_s).text(),
        u"The value 'Floppy' for the property Boot.BootSourceOverrideTarget is not in the list of acceptable values."_s);
}

void tst_RedfishMessage::errorBody()
{
    const QJsonObject body =
        BaseMessages::errorObject({BaseMessages::propertyUnknown(u"Colour"_s), BaseMessages::malformedJson()});
    const QJsonObject error = body.value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"Base.1.22.PropertyUnknown"_s);
    QCOMPARE(error.value(u"@Message.ExtendedInfo"_s).toArray().size(), 2);
    QCOMPARE(error.value(u"@Message.ExtendedInfo"_s).toArray().at(0).toObject().value(u"RelatedProperties"_s).toArray(),
             QJsonArray{u"#/Colour"_s});
}

QTEST_APPLESS_MAIN(tst_RedfishMessage)
#include "tst_redfishmessage.moc"

#include "StateFile.h"
#include "StateFileTesting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace StateFileTesting;

namespace {
constexpr int version = 1;
} // namespace

class tst_StateFile : public QObject
{
    Q_OBJECT
private slots:
    void init();

    void missingFile();
    void saveThenLoad();
    void savedFileIsPrivate();
    void saveMakesAnExistingFilePrivate();
    void damagedFileIsMovedAside_data();
    void damagedFileIsMovedAside();
    void twoDamagedFilesAreBothKept();
    void readOnlyLeavesDamagedFileInPlace();
    void saveKeepsTheReplacedFileAsTheLastGoodCopy();
    void damagedFileIsReplacedByItsLastGoodCopy_data();
    void damagedFileIsReplacedByItsLastGoodCopy();
    void missingFileIsReplacedByItsLastGoodCopy();
    void damagedFileAndDamagedLastGoodCopy();
    void newerFormatIsLeftUntouched_data();
    void newerFormatIsLeftUntouched();
    void readOnlyReadsTheLastGoodCopyWithoutWriting();
    void saveIntoMissingDirectoryFails();

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    QString m_path;
};

void tst_StateFile::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    m_path = m_directory->filePath(u"state.json"_s);
}

void tst_StateFile::missingFile()
{
    StateFile file(m_path);
    QCOMPARE(file.path(), m_path);

    const StateFile::Result result = file.load(version);
    QCOMPARE(result.status, StateFile::Status::Missing);
    QVERIFY(result.object.isEmpty());
    QVERIFY(result.problem.isEmpty());
    QVERIFY(result.asidePath.isEmpty());
    QVERIFY(!QFile::exists(m_path));
}

void tst_StateFile::saveThenLoad()
{
    const QJsonObject object{{u"name"_s, u"admin"_s}, {u"count"_s, 3}, {u"list"_s, QJsonArray{17, 3}}};
    QVERIFY(StateFile(m_path).save(version, object));

    // On disk the object carries its format version ...
    const QJsonObject onDisk = QJsonDocument::fromJson(readAll(m_path)).object();
    QCOMPARE(onDisk.value(u"version"_s), QJsonValue(version));
    QCOMPARE(onDisk.size(), object.size() + 1);

    // ... which load() checks and takes off again.
    bool validatorSawVersion = false;
    const StateFile::Result result = StateFile(m_path).load(version, [&](const QJsonObject &loaded) {
        validatorSawVersion = loaded.contains(u"version"_s);
        return QString();
    });
    QCOMPARE(result.status, StateFile::Status::Loaded);
    QCOMPARE(result.object, object);
    QVERIFY(result.problem.isEmpty());
    QVERIFY(result.asidePath.isEmpty());
    QVERIFY(validatorSawVersion);

    // A second save replaces the first, which is kept as the last good copy.
    StateFile file(m_path);
    QCOMPARE(file.load(version).status, StateFile::Status::Loaded);
    QVERIFY(file.save(version, {{u"count"_s, 4}}));
    QCOMPARE(StateFile(m_path).load(version).object, (QJsonObject{{u"count"_s, 4}}));
    QCOMPARE(QDir(m_directory->path()).entryList(QDir::Files),
             (QStringList{u"state.json"_s, u"state.json.last-good"_s}));
    QCOMPARE(QJsonDocument::fromJson(readAll(file.lastGoodPath())).object().value(u"name"_s), u"admin"_s);
}

void tst_StateFile::savedFileIsPrivate()
{
    QVERIFY(StateFile(m_path).save(version, {{u"password"_s, u"secret"_s}}));
    QCOMPARE(modeOf(m_path), 0600);
}

void tst_StateFile::saveMakesAnExistingFilePrivate()
{
    QVERIFY(writeAll(m_path, R"({"version": 1})"));
    QVERIFY(::chmod(QFile::encodeName(m_path).constData(), 0644) == 0);
    QCOMPARE(modeOf(m_path), 0644);

    QVERIFY(StateFile(m_path).save(version, {{u"password"_s, u"secret"_s}}));
    QCOMPARE(modeOf(m_path), 0600);
}

void tst_StateFile::damagedFileIsMovedAside_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("rejectedByValidator");
    QTest::addColumn<QString>("problem");

    QTest::newRow("empty") << QByteArray() << false << u"the file is empty"_s;
    QTest::newRow("truncated JSON") << QByteArray(R"({"version": 1, "settings": {)") << false
                                    << u"not valid JSON (unterminated object at byte 28)"_s;
    QTest::newRow("trailing comma") << QByteArray(R"({"version": 1,})") << false
                                    << u"not valid JSON (object is missing after a comma at byte 15)"_s;
    QTest::newRow("array") << QByteArray("[1, 2]") << false << u"not a JSON object"_s;
    QTest::newRow("fractional version") << QByteArray(R"({"version": 1.5})") << false
                                        << u"unknown format version 1.5 (expected 1)"_s;
    QTest::newRow("older version") << QByteArray(R"({"version": 0})") << false
                                   << u"unknown format version 0 (expected 1)"_s;
    QTest::newRow("no version") << QByteArray(R"({"settings": {}})") << false << u"no format version (expected 1)"_s;
    QTest::newRow("version as text") << QByteArray(R"({"version": "1"})") << false
                                     << u"unknown format version \"1\" (expected 1)"_s;
    QTest::newRow("rejected by validator")
        << QByteArray(R"({"version": 1, "settings": 5})") << true << u"settings is not an object"_s;
}

void tst_StateFile::damagedFileIsMovedAside()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, rejectedByValidator);
    QFETCH(QString, problem);

    QVERIFY(writeAll(m_path, content));
    bool validatorCalled = false;
    const auto validate = [&](const QJsonObject &object) {
        validatorCalled = true;
        return object.value(u"settings"_s).isObject() ? QString() : u"settings is not an object"_s;
    };

    QTest::ignoreMessage(QtCriticalMsg,
                         QRegularExpression(u"^%1 is damaged \\(.*\\); kept it as %1\\.corrupt-"_s.arg(
                             QRegularExpression::escape(m_path))));
    const StateFile::Result result = StateFile(m_path).load(version, validate);
    QCOMPARE(result.status, StateFile::Status::Damaged);
    QCOMPARE(result.problem, problem);
    QCOMPARE(validatorCalled, rejectedByValidator);
    QVERIFY(result.object.isEmpty());

    // Moved aside under a name that says when, with every byte kept.
    const QRegularExpression asideName(u"^%1\\.corrupt-\\d{8}T\\d{6}Z$"_s.arg(QRegularExpression::escape(m_path)));
    QVERIFY2(asideName.match(result.asidePath).hasMatch(), qPrintable(result.asidePath));
    QVERIFY(!QFile::exists(m_path));
    QVERIFY(QFile::exists(result.asidePath));
    QCOMPARE(readAll(result.asidePath), content);

    // The next save writes a fresh file and leaves the damaged one alone.
    QVERIFY(StateFile(m_path).save(version, {{u"settings"_s, QJsonObject{}}}));
    const StateFile::Result reloaded = StateFile(m_path).load(version, validate);
    QCOMPARE(reloaded.status, StateFile::Status::Loaded);
    QCOMPARE(reloaded.object, (QJsonObject{{u"settings"_s, QJsonObject{}}}));
    QCOMPARE(readAll(result.asidePath), content);
    QCOMPARE(asideFiles(m_directory->path(), u"state.json"_s).size(), 1);
}

void tst_StateFile::twoDamagedFilesAreBothKept()
{
    // Two damaged files within the same second must not overwrite each other.
    QStringList asides;
    for (const QByteArray &content : {QByteArray("first"), QByteArray("second")}) {
        QVERIFY(writeAll(m_path, content));
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u" is damaged "_s));
        const StateFile::Result result = StateFile(m_path).load(version);
        QCOMPARE(result.status, StateFile::Status::Damaged);
        QCOMPARE(readAll(result.asidePath), content);
        asides.append(result.asidePath);
    }
    QVERIFY(asides.at(0) != asides.at(1));
    QCOMPARE(readAll(asides.at(0)), QByteArray("first"));
    QCOMPARE(asideFiles(m_directory->path(), u"state.json"_s).size(), 2);
}

void tst_StateFile::readOnlyLeavesDamagedFileInPlace()
{
    const QByteArray content = R"({"version": 0})";
    QVERIFY(writeAll(m_path, content));

    const StateFile::Result result = StateFile(m_path).load(version, {}, StateFile::Mode::ReadOnly);
    QCOMPARE(result.status, StateFile::Status::Damaged);
    QCOMPARE(result.problem, u"unknown format version 0 (expected 1)"_s);
    QVERIFY(result.asidePath.isEmpty());
    QCOMPARE(readAll(m_path), content);
    QVERIFY(asideFiles(m_directory->path(), u"state.json"_s).isEmpty());

    // A damaged file that was only looked at is never overwritten by the same StateFile.
    StateFile inspected(m_path);
    inspected.load(version, {}, StateFile::Mode::ReadOnly);
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"not writing .*: it holds data this run could not read"_s));
    QVERIFY(!inspected.save(version, {{u"a"_s, 1}}));
    QCOMPARE(readAll(m_path), content);

    // A sound file loads the same way in either mode.
    QVERIFY(StateFile(m_path).save(version, {{u"a"_s, 1}}));
    const StateFile::Result sound = StateFile(m_path).load(version, {}, StateFile::Mode::ReadOnly);
    QCOMPARE(sound.status, StateFile::Status::Loaded);
    QCOMPARE(sound.object, (QJsonObject{{u"a"_s, 1}}));
}

void tst_StateFile::saveKeepsTheReplacedFileAsTheLastGoodCopy()
{
    StateFile file(m_path);
    QVERIFY(file.save(version, {{u"n"_s, 1}}));
    // Nothing to keep yet: the first save had no file to replace.
    QVERIFY(!QFile::exists(file.lastGoodPath()));
    QVERIFY(file.save(version, {{u"n"_s, 2}}));
    QVERIFY(file.save(version, {{u"n"_s, 3}}));
    QCOMPARE(QJsonDocument::fromJson(readAll(file.lastGoodPath())).object().value(u"n"_s), 2);
    QCOMPARE(QJsonDocument::fromJson(readAll(m_path)).object().value(u"n"_s), 3);
    QCOMPARE(modeOf(file.lastGoodPath()), 0600);

    // A sound file without a copy (written before copies were kept) gets one when it is read.
    QVERIFY(QFile::remove(file.lastGoodPath()));
    QCOMPARE(StateFile(m_path).load(version, {}, StateFile::Mode::ReadOnly).status, StateFile::Status::Loaded);
    QVERIFY(!QFile::exists(file.lastGoodPath()));
    QCOMPARE(StateFile(m_path).load(version).status, StateFile::Status::Loaded);
    QCOMPARE(readAll(file.lastGoodPath()), readAll(m_path));
}

void tst_StateFile::damagedFileIsReplacedByItsLastGoodCopy_data()
{
    QTest::addColumn<QByteArray>("damage");
    QTest::addColumn<QString>("problem");
    QTest::newRow("cut short") << QByteArray(R"({"version": 1, "n": )") << u"not valid JSON"_s;
    QTest::newRow("emptied") << QByteArray() << u"the file is empty"_s;
    QTest::newRow("zeros") << QByteArray(64, '\0') << u"not valid JSON"_s;
    QTest::newRow("rejected") << QByteArray(R"({"version": 1, "n": "three"})") << u"n is not a number"_s;
}

void tst_StateFile::damagedFileIsReplacedByItsLastGoodCopy()
{
    QFETCH(QByteArray, damage);
    QFETCH(QString, problem);
    const auto validate = [](const QJsonObject &object) {
        return object.value(u"n"_s).isDouble() ? QString() : u"n is not a number"_s;
    };
    {
        StateFile file(m_path);
        QVERIFY(file.save(version, {{u"n"_s, 1}}));
        QVERIFY(file.save(version, {{u"n"_s, 2}}));
    }
    const QByteArray lastGood = readAll(m_path + u".last-good"_s);
    QVERIFY(writeAll(m_path, damage));

    QTest::ignoreMessage(
        QtCriticalMsg,
        QRegularExpression(
            u"^%1 is damaged \\(.*\\); kept it as %1\\.corrupt-\\S+ and put its last good copy %1\\.last-good in its place$"_s
                .arg(QRegularExpression::escape(m_path))));
    StateFile file(m_path);
    const StateFile::Result result = file.load(version, validate);
    QCOMPARE(result.status, StateFile::Status::Restored);
    QVERIFY(result.usable());
    QCOMPARE(result.object, (QJsonObject{{u"n"_s, 1}}));
    QVERIFY2(result.problem.startsWith(problem), qPrintable(result.problem));
    QCOMPARE(result.restoredFrom, file.lastGoodPath());
    QCOMPARE(readAll(result.asidePath), damage);
    QCOMPARE(readAll(m_path), lastGood);
    QCOMPARE(modeOf(m_path), 0600);

    // The restored file is sound: the next save keeps it as the copy.
    QVERIFY(file.save(version, {{u"n"_s, 3}}));
    QCOMPARE(readAll(file.lastGoodPath()), lastGood);
}

void tst_StateFile::missingFileIsReplacedByItsLastGoodCopy()
{
    {
        StateFile file(m_path);
        QVERIFY(file.save(version, {{u"n"_s, 1}}));
        QVERIFY(file.save(version, {{u"n"_s, 2}}));
    }
    QVERIFY(QFile::remove(m_path));
    QTest::ignoreMessage(
        QtCriticalMsg,
        QRegularExpression(u"^%1 is missing; put its last good copy"_s.arg(QRegularExpression::escape(m_path))));
    const StateFile::Result result = StateFile(m_path).load(version);
    QCOMPARE(result.status, StateFile::Status::Restored);
    QCOMPARE(result.object, (QJsonObject{{u"n"_s, 1}}));
    QVERIFY(result.asidePath.isEmpty());
    QVERIFY(QFile::exists(m_path));
}

void tst_StateFile::damagedFileAndDamagedLastGoodCopy()
{
    QVERIFY(writeAll(m_path, "garbage"));
    QVERIFY(writeAll(m_path + u".last-good"_s, "more garbage"));
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"its last good copy .* is unusable too"_s));
    const StateFile::Result result = StateFile(m_path).load(version);
    QCOMPARE(result.status, StateFile::Status::Damaged);
    QVERIFY(!result.usable());
    QVERIFY2(result.problem.contains(u"its last good copy %1.last-good is unusable too (not valid JSON"_s.arg(m_path)),
             qPrintable(result.problem));
    // Both are kept, under names that say so, and the problem names where.
    QCOMPARE(readAll(result.asidePath), QByteArray("garbage"));
    const QStringList copies = QDir(m_directory->path()).entryList({u"state.json.last-good.corrupt-*"_s}, QDir::Files);
    QCOMPARE(copies.size(), 1);
    QVERIFY(result.problem.contains(copies.first()));
    QCOMPARE(readAll(m_directory->filePath(copies.first())), QByteArray("more garbage"));
    QVERIFY(!QFile::exists(m_path));
}

void tst_StateFile::newerFormatIsLeftUntouched_data()
{
    QTest::addColumn<bool>("inLastGoodCopy");
    QTest::newRow("the file") << false;
    QTest::newRow("its last good copy, the file damaged") << true;
}

void tst_StateFile::newerFormatIsLeftUntouched()
{
    QFETCH(bool, inLastGoodCopy);
    const QByteArray newer = R"({"version": 2, "shape": "new"})";
    QVERIFY(writeAll(inLastGoodCopy ? m_path + u".last-good"_s : m_path, newer));
    if (inLastGoodCopy)
        QVERIFY(writeAll(m_path, "garbage"));
    const QStringList before = QDir(m_directory->path()).entryList(QDir::Files);

    StateFile file(m_path);
    const StateFile::Result result = file.load(version);
    QCOMPARE(result.status, StateFile::Status::TooNew);
    QVERIFY(!result.usable());
    QCOMPARE(result.foundVersion, 2);
    QVERIFY2(result.problem.endsWith(u"it was written in format version 2 by a newer qbmc; this one reads version 1"_s),
             qPrintable(result.problem));
    QVERIFY(!file.isWritable());
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"^not writing "_s));
    QVERIFY(!file.save(version, {{u"n"_s, 1}}));
    QCOMPARE(QDir(m_directory->path()).entryList(QDir::Files), before);
    QCOMPARE(readAll(inLastGoodCopy ? m_path + u".last-good"_s : m_path), newer);
}

void tst_StateFile::readOnlyReadsTheLastGoodCopyWithoutWriting()
{
    QVERIFY(writeAll(m_path, "garbage"));
    QVERIFY(writeAll(m_path + u".last-good"_s, R"({"version": 1, "n": 1})"));
    const StateFile::Result result = StateFile(m_path).load(version, {}, StateFile::Mode::ReadOnly);
    QCOMPARE(result.status, StateFile::Status::Restored);
    QCOMPARE(result.object, (QJsonObject{{u"n"_s, 1}}));
    QCOMPARE(readAll(m_path), QByteArray("garbage"));
    QCOMPARE(QDir(m_directory->path()).entryList(QDir::Files),
             (QStringList{u"state.json"_s, u"state.json.last-good"_s}));
}

void tst_StateFile::saveIntoMissingDirectoryFails()
{
    const QString directory = m_directory->filePath(u"missing"_s);
    const QString path = directory + u"/state.json"_s;

    QTest::ignoreMessage(QtCriticalMsg,
                         QRegularExpression(u"^cannot write %1: "_s.arg(QRegularExpression::escape(path))));
    QVERIFY(!StateFile(path).save(version, {{u"a"_s, 1}}));
    QVERIFY(!QFileInfo::exists(directory));
    QVERIFY(QDir(m_directory->path()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_StateFile)
#include "tst_statefile.moc"

#include "Bmc.h"
#include "ConsoleHub.h"
#include "DashboardFixture.h"
#include "FirstStartNotice.h"
#include "LanguageSwitcher.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

Q_IMPORT_QML_PLUGIN(Qbmc_UiPlugin)
Q_IMPORT_QML_PLUGIN(Qbmc_DashboardPlugin)

using namespace Qt::StringLiterals;

// Every page rendered at the official panel's size and in portrait, in English, German and
// Chinese, saved as PNG (QBMC_SCREENSHOT_DIR) for people to look at, and checked by the test:
// the page shows something, no text runs out of its item or off the screen, and lupdate finds
// no string without a translation.
class tst_DashboardScreens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstStart();
    void pages_data();
    void pages();
    void firmwareSetup();
    void translationsComplete_data();
    void translationsComplete();

private:
    void render(QSize size, const QString &language, int page);
    QImage grab(const QString &name);
    QStringList overflowingTexts() const;
    // The texts someone looking at the screen can see under `root`, delegates included.
    static QList<QQuickItem *> visibleTexts(QQuickItem *root);

    std::unique_ptr<DashboardFixture> m_fixture;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QDir m_output;
};

void tst_DashboardScreens::initTestCase()
{
    m_output = QDir(QStringLiteral(QBMC_SCREENSHOT_DIR));
    QVERIFY(m_output.mkpath(u"."_s));
    m_fixture = std::make_unique<DashboardFixture>();
    m_fixture->populate();
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(u"qrc:/"_s);
    m_engine->load(QUrl(u"qrc:/Qbmc/Dashboard/Main.qml"_s));
    QCOMPARE(m_engine->rootObjects().size(), 1);
    m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void tst_DashboardScreens::cleanupTestCase()
{
    m_engine.reset();
    m_fixture.reset();
}

void tst_DashboardScreens::render(QSize size, const QString &language, int page)
{
    QVERIFY(m_fixture->dashboard()->language()->setLanguage(language));
    m_window->resize(size);
    m_window->setProperty("currentPage", page);
    // Layouts settle over a few polish passes.
    QTest::qWait(150);
}

QImage tst_DashboardScreens::grab(const QString &name)
{
    const QImage image = m_window->grabWindow();
    const QString file = m_output.filePath(name + u".png"_s);
    if (!image.save(file))
        qWarning("cannot save %s", qPrintable(file));
    return image;
}

QList<QQuickItem *> tst_DashboardScreens::visibleTexts(QQuickItem *root)
{
    QList<QQuickItem *> texts;
    // The visual tree, not QObject children, with the area each item may show in: a clipping
    // ancestor (a row of keys that scrolls sideways) hides what lies outside it.
    QList<std::pair<QQuickItem *, QRectF>> pending;
    for (QQuickItem *child : root->childItems())
        pending.append({child, QRectF(-1e6, -1e6, 2e6, 2e6)});
    while (!pending.isEmpty()) {
        auto [item, area] = pending.takeFirst();
        if (!item->isVisible() || item->opacity() == 0)
            continue;
        const QRectF onScene = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        if (item->clip())
            area = area.intersected(onScene);
        if (area.isEmpty() || (item->width() > 0 && !area.intersects(onScene)))
            continue;
        for (QQuickItem *child : item->childItems())
            pending.append({child, area});
        // A text cut by a clipping ancestor is scrolled partly out of view, not laid out wrongly.
        if (item->inherits("QQuickText") && !item->property("text").toString().trimmed().isEmpty()
            && area.contains(onScene))
            texts.append(item);
    }
    return texts;
}

QStringList tst_DashboardScreens::overflowingTexts() const
{
    QStringList problems;
    const QRectF screen(0, 0, m_window->width(), m_window->height());
    for (QQuickItem *item : visibleTexts(m_window->contentItem())) {
        const QString text = item->property("text").toString();
        const qreal contentWidth = item->property("contentWidth").toReal();
        const bool elided = item->property("elide").toInt() != 0; // data, such as a long host name
        if (!elided && contentWidth > item->width() + 1)
            problems.append(u"\"%1\" is %2 px wide in %3 px"_s.arg(text).arg(contentWidth).arg(item->width()));
        const QRectF onScreen = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        if (onScreen.left() < screen.left() - 1 || onScreen.right() > screen.right() + 1)
            problems.append(u"\"%1\" reaches past the screen's edge (%2 to %3)"_s.arg(text)
                                .arg(onScreen.left())
                                .arg(onScreen.right()));
    }
    return problems;
}

void tst_DashboardScreens::firstStart()
{
    QVERIFY(m_fixture->dashboard()->firstStart()->isPending());
    for (const QString &language : {u"en"_s, u"de"_s, u"zh_CN"_s}) {
        render({800, 480}, language, 0);
        grab(u"first-start-%1-800x480"_s.arg(language));
        const QStringList problems = overflowingTexts();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }
    auto *overlay = m_window->findChild<QQuickItem *>(u"firstStartOverlay"_s);
    QVERIFY(overlay && overlay->isVisible());
    m_fixture->dashboard()->firstStart()->acknowledge();
    QVERIFY(!overlay->isVisible());
}

void tst_DashboardScreens::pages_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("page");
    const QStringList pageNames = {u"overview"_s, u"console"_s, u"screen"_s, u"events"_s, u"access"_s};
    for (const QSize size : {QSize(800, 480), QSize(480, 800), QSize(1024, 600), QSize(1280, 720)}) {
        for (const QString &language : {u"en"_s, u"de"_s, u"zh_CN"_s}) {
            for (int page = 0; page < pageNames.size(); ++page) {
                const QString name =
                    u"%1-%2-%3x%4"_s.arg(pageNames.at(page), language).arg(size.width()).arg(size.height());
                QTest::newRow(qPrintable(name)) << size << language << page;
            }
        }
    }
}

void tst_DashboardScreens::pages()
{
    QFETCH(QSize, size);
    QFETCH(QString, language);
    QFETCH(int, page);
    if (m_fixture->dashboard()->firstStart()->isPending())
        m_fixture->dashboard()->firstStart()->acknowledge();
    render(size, language, page);
    const QImage image = grab(QString::fromLatin1(QTest::currentDataTag()));
    QCOMPARE(image.size(), size * m_window->devicePixelRatio());

    // Not empty: the page has text to show and the picture is more than a background.
    const QStringList pageNames = {u"page_overview"_s, u"page_console"_s, u"page_screen"_s, u"page_events"_s,
                                   u"page_access"_s};
    auto *pageItem = m_window->findChild<QQuickItem *>(pageNames.at(page));
    QVERIFY(pageItem && pageItem->isVisible());
    const qsizetype texts = visibleTexts(pageItem).size();
    QVERIFY2(texts >= 3, qPrintable(u"only %1 visible texts"_s.arg(texts)));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 20, qPrintable(u"only %1 colours"_s.arg(colours.size())));

    const QStringList problems = overflowingTexts();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

// The simulated firmware's setup screen on the console page, in each language's layout: the grid
// is drawn with the firmware's colours where the terminal model has them.
void tst_DashboardScreens::firmwareSetup()
{
    if (m_fixture->dashboard()->firstStart()->isPending())
        m_fixture->dashboard()->firstStart()->acknowledge();
    m_fixture->startFirmware();
    ConsoleHub *console = m_fixture->bmc()->console();
    QVERIFY(QTest::qWaitFor([&] { return console->terminal()->rowText(4).contains(u"Press F2"_s); }, 3000));
    QVERIFY(console->writeLocal(console->terminal()->encodeKey(TerminalScreen::Key::F2)));
    QVERIFY(QTest::qWaitFor([&] { return console->terminal()->rowText(0).contains(u"Setup Utility"_s); }, 3000));
    for (const QString &language : {u"en"_s, u"de"_s, u"zh_CN"_s}) {
        render({800, 480}, language, 1);
        QTest::qWait(100); // the view redraws at most every 50 ms
        const QImage image = grab(u"console-firmware-setup-%1-800x480"_s.arg(language));
        auto *view = m_window->findChild<QQuickItem *>(u"consoleOutput"_s);
        QVERIFY(view && view->isVisible());
        const qreal ratio = m_window->devicePixelRatio();
        const auto pixelAt = [&](int row, int column) {
            QPointF corner;
            QMetaObject::invokeMethod(view, "cellPosition", Q_RETURN_ARG(QPointF, corner), Q_ARG(int, row),
                                      Q_ARG(int, column));
            const QPointF scene = view->mapToScene(corner + QPointF(1, 1));
            return QColor(image.pixel((scene * ratio).toPoint())).name();
        };
        QCOMPARE(pixelAt(0, 0), u"#0000e0"_s);  // the title bar
        QCOMPARE(pixelAt(6, 2), u"#e0e0e0"_s);  // the selected item
        QCOMPARE(pixelAt(23, 5), u"#00e0e0"_s); // the key help line
        const QStringList problems = overflowingTexts();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }
    QVERIFY(console->writeLocal(console->terminal()->encodeKey(TerminalScreen::Key::Escape)));
}

void tst_DashboardScreens::translationsComplete_data()
{
    QTest::addColumn<QString>("tsFile");
    QTest::newRow("de") << u"qbmc_de.ts"_s;
    QTest::newRow("zh_CN") << u"qbmc_zh_CN.ts"_s;
}

// lupdate over today's sources, into a copy of the committed file: every string the screen or
// the web UI (its strings as tools/web-strings lists them) can show has a finished translation,
// and the committed file already lists them all.
void tst_DashboardScreens::translationsComplete()
{
    QFETCH(QString, tsFile);
    QTemporaryDir directory;
    const QString committed = QStringLiteral(QBMC_SOURCE_DIR "/translations/") + tsFile;
    const QString copy = directory.filePath(tsFile);
    QVERIFY(QFile::copy(committed, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.start(QStringLiteral(QBMC_LUPDATE),
                  {u"-no-obsolete"_s, u"-locations"_s, u"none"_s, QStringLiteral(QBMC_SOURCE_DIR "/qml"),
                   QStringLiteral(QBMC_SOURCE_DIR "/ui"), QStringLiteral(QBMC_WEB_STRINGS), u"-ts"_s, copy});
    QVERIFY(lupdate.waitForFinished(60'000));
    QCOMPARE(lupdate.exitCode(), 0);
    QFile updated(copy);
    QVERIFY(updated.open(QIODevice::ReadOnly));
    const QByteArray content = updated.readAll();
    QCOMPARE(content.count("type=\"unfinished\""), 0);
    QFile original(committed);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(content.count("<message>"), original.readAll().count("<message>"));
}

QTEST_MAIN(tst_DashboardScreens)

#include "tst_dashboardscreens.moc"

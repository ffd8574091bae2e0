#include "DashboardFixture.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Qbmc_UiPlugin)
Q_IMPORT_QML_PLUGIN(Qbmc_DashboardPlugin)

// Quick Test over the real core: tst_*.qml files in this directory press the dashboard's buttons
// and read its labels, with "fixture" standing in for the protocols and the host.
class Setup : public QObject
{
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        if (!m_fixture)
            m_fixture = std::make_unique<DashboardFixture>();
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("fixture"), m_fixture.get());
    }
    void cleanupTestCase() { m_fixture.reset(); }

private:
    std::unique_ptr<DashboardFixture> m_fixture;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_dashboard, Setup)

#include "tst_dashboard.moc"

#include "DaemonProcess.h"
#include "ImageServer.h"
#include "IpmiClients.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString adminPassword = u"Ansible-test-1"_s;
const QByteArray config = "host:\n  sim:\n    power_on_delay: 0.2\n    shutdown_delay: 0.3\n    force_off_hold: 0.3\n"
                          "power:\n  long_press: 0.5\n  cycle_delay: 0.2\n"
                          "fru:\n  board:\n    manufacturer: Raspberry Pi Ltd\n    product: Pi 4 Model B\n"
                          "  product:\n    manufacturer: Example Systems\n    serial: SN123456\n";
} // namespace

// Debian's ansible runs an ordinary fleet playbook (tests/integration/ansible/fleet.yml) against
// the real daemon: reading everything, chained power actions without sleeps, boot override,
// identify, users, account rules, sessions, IPMI on and off, and the logs. The playbook checks
// each change with ipmitool or a Redfish GET before it goes on.
class tst_Ansible : public QObject
{
    Q_OBJECT
private slots:
    void fleetPlaybookRunsTheFirstTime();
    void virtualMediaPlaybookInsertsAndEjects();

private:
    // Runs `playbook` (in tests/integration/ansible) against `daemon` with `variables` added.
    void runPlaybook(const QString &playbook, DaemonProcess &daemon, const QStringList &variables);
};

void tst_Ansible::fleetPlaybookRunsTheFirstTime()
{
    const QString playbook = QStandardPaths::findExecutable(u"ansible-playbook"_s);
    if (playbook.isEmpty())
        QSKIP("ansible-playbook is not installed (Debian's ansible; tools/install-deps installs it)");

    DaemonProcess daemon;
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    daemon.writeConfig(config);
    QVERIFY2(daemon.start(), daemon.standardError().constData());

    runPlaybook(u"fleet.yml"_s, daemon, {u"ipmi_port=%1"_s.arg(daemon.ipmiPort())});
    QVERIFY(daemon.stop() >= std::chrono::milliseconds(0));
}

void tst_Ansible::virtualMediaPlaybookInsertsAndEjects()
{
    if (QStandardPaths::findExecutable(u"ansible-playbook"_s).isEmpty())
        QSKIP("ansible-playbook is not installed (Debian's ansible; tools/install-deps installs it)");
    QTemporaryDir images;
    QFile image(QDir(images.path()).filePath(u"installer.iso"_s));
    QVERIFY(image.open(QIODevice::WriteOnly));
    image.write(QByteArray(64 * 1024, 'i'));
    image.close();
    ImageServer server(images.path(), ImageServer::Options{});

    DaemonProcess daemon;
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    daemon.writeConfig(config);
    QVERIFY2(daemon.start(), daemon.standardError().constData());
    runPlaybook(u"virtual-media.yml"_s, daemon, {u"image_url="_s + server.url(u"/installer.iso"_s)});
    QVERIFY(daemon.stop() >= std::chrono::milliseconds(0));
}

void tst_Ansible::runPlaybook(const QString &playbook, DaemonProcess &daemon, const QStringList &variables)
{
    const QString program = QStandardPaths::findExecutable(u"ansible-playbook"_s);
    // Ansible keeps its temporary files and facts under HOME; the test gives it one of its own.
    QTemporaryDir home;
    QProcess ansible;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"ANSIBLE_NOCOLOR"_s, u"1"_s);
    environment.insert(u"ANSIBLE_PYTHON_INTERPRETER"_s, u"/usr/bin/python3"_s);
    environment.insert(u"ANSIBLE_LOCALHOST_WARNING"_s, u"false"_s);
    environment.insert(u"ANSIBLE_INVENTORY_UNPARSED_WARNING"_s, u"false"_s);
    environment.remove(u"REQUESTS_CA_BUNDLE"_s);
    environment.remove(u"CURL_CA_BUNDLE"_s);
    ansible.setProcessEnvironment(environment);
    ansible.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments{u"-i"_s,
                          u"localhost,"_s,
                          QStringLiteral(QBMC_SOURCE_DIR "/tests/integration/ansible/") + playbook,
                          u"-e"_s,
                          u"baseuri=127.0.0.1:%1"_s.arg(daemon.redfishPort()),
                          u"-e"_s,
                          u"username=admin"_s,
                          u"-e"_s,
                          u"password="_s + adminPassword};
    for (const QString &variable : variables)
        arguments << u"-e"_s << variable;
    ansible.start(program, arguments);
    QVERIFY(ansible.waitForStarted());
    const bool finished = ansible.waitForFinished(600'000);
    const QByteArray output = ansible.readAll();
    if (!finished)
        ansible.kill();
    QVERIFY2(finished, output.right(4000).constData());
    if (ansible.exitCode() != 0)
        qWarning("%s", output.constData());
    QVERIFY2(ansible.exitCode() == 0, "ansible-playbook failed (its output is above)");
    QVERIFY2(output.contains("failed=0"), output.right(2000).constData());
    qInfo("%s", output.mid(output.lastIndexOf("PLAY RECAP")).trimmed().constData());
}

QTEST_GUILESS_MAIN(tst_Ansible)
#include "tst_ansible.moc"

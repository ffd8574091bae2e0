#pragma once

#include <QObject>
#include <QPointer>
#include <QTranslator>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;

// The screen's language: English (the source strings), German or Simplified Chinese, from the
// translations embedded at :/i18n. Switching installs the new translator and has the QML engine
// re-evaluate every translated binding, so the change shows at once.
class LanguageSwitcher : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.language provides it")
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)

public:
    // "system" follows the locale; anything unknown is English.
    explicit LanguageSwitcher(const QString &initial, QObject *parent = nullptr);
    ~LanguageSwitcher() override;

    QString language() const { return m_language; }
    // [{code: "de", name: "Deutsch"}, ...], each name in its own language.
    QVariantList languages() const;
    static QStringList codes();
    // The language "system" stands for on this machine.
    static QString systemLanguage();

    void setEngine(QQmlEngine *engine);
    Q_INVOKABLE bool setLanguage(const QString &code);

signals:
    void languageChanged();

private:
    QString m_language = QStringLiteral("en");
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQmlEngine> m_engine;
};

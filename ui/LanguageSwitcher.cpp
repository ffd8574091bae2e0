#include "LanguageSwitcher.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

using namespace Qt::StringLiterals;

namespace {
struct Language
{
    QString code;
    QString name;
};

const QList<Language> &available()
{
    static const QList<Language> languages = {
        {u"en"_s, u"English"_s},
        {u"de"_s, u"Deutsch"_s},
        {u"zh_CN"_s, u"简体中文"_s},
    };
    return languages;
}
} // namespace

LanguageSwitcher::LanguageSwitcher(const QString &initial, QObject *parent)
    : QObject(parent)
{
    setLanguage(initial == u"system"_s ? systemLanguage() : initial);
}

LanguageSwitcher::~LanguageSwitcher()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

QStringList LanguageSwitcher::codes()
{
    QStringList codes;
    for (const Language &language : available())
        codes.append(language.code);
    return codes;
}

QString LanguageSwitcher::systemLanguage()
{
    const QLocale locale;
    if (locale.language() == QLocale::German)
        return u"de"_s;
    if (locale.language() == QLocale::Chinese)
        return u"zh_CN"_s;
    return u"en"_s;
}

QVariantList LanguageSwitcher::languages() const
{
    QVariantList list;
    for (const Language &language : available())
        list.append(QVariantMap{{u"code"_s, language.code}, {u"name"_s, language.name}});
    return list;
}

void LanguageSwitcher::setEngine(QQmlEngine *engine)
{
    m_engine = engine;
}

bool LanguageSwitcher::setLanguage(const QString &code)
{
    if (!codes().contains(code))
        return false;
    if (code == m_language && (m_translator || code == u"en"_s))
        return true;
    std::unique_ptr<QTranslator> translator;
    if (code != u"en"_s) {
        translator = std::make_unique<QTranslator>();
        if (!translator->load(u":/i18n/qbmc_%1.qm"_s.arg(code)))
            return false;
    }
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(translator);
    if (m_translator)
        QCoreApplication::installTranslator(m_translator.get());
    m_language = code;
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
    return true;
}

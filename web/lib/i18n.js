// Translations. Every visible text is written in English as a literal inside a tr() call; the build collects those
// literals and ships one flat JSON object per language beside this module, in ../i18n/<code>.json.
// A missing file or a missing key shows the English source text.

export const LANGUAGES = [
    { code: "en", name: "English", htmlLang: "en" },
    { code: "de", name: "Deutsch", htmlLang: "de" },
    { code: "zh_CN", name: "中文(简体)", htmlLang: "zh-CN" },
];

const STORAGE_KEY = "qbmc.language";
const changes = new EventTarget();
let currentCode = "en";
let translations = {};

/** The translation of source, with %1, %2 ... replaced by the extra arguments. */
export function tr(source, ...args) {
    const text = Object.hasOwn(translations, source) && translations[source] ? translations[source] : source;
    if (args.length === 0) return text;
    // One pass, so a %1 inside an argument is left as it is.
    return text.replace(/%(\d)/g, (match, digit) => {
        const index = Number(digit) - 1;
        return index >= 0 && index < args.length ? String(args[index]) : match;
    });
}

export function currentLanguage() {
    return currentCode;
}

/** The language to start with: the one chosen before, else the browser's, else English. */
export function initialLanguage() {
    let stored = null;
    try {
        stored = localStorage.getItem(STORAGE_KEY);
    } catch {
        // Storage can be switched off; the browser's language still works.
    }
    if (LANGUAGES.some((language) => language.code === stored)) return stored;
    for (const tag of navigator.languages ?? [navigator.language]) {
        const lower = String(tag).toLowerCase();
        if (lower.startsWith("de")) return "de";
        if (lower.startsWith("zh")) return "zh_CN";
        if (lower.startsWith("en")) return "en";
    }
    return "en";
}

/** Loads and applies a language; listeners of onLanguageChange then re-render. */
export async function setLanguage(code, { remember = true } = {}) {
    const language = LANGUAGES.find((candidate) => candidate.code === code) ?? LANGUAGES[0];
    let table = {};
    if (language.code !== "en") {
        try {
            const response = await fetch(new URL(`../i18n/${language.code}.json`, import.meta.url), {
                credentials: "same-origin",
            });
            if (response.ok) table = await response.json();
        } catch {
            // No translation file: the English source texts stand in.
        }
    }
    translations = table && typeof table === "object" ? table : {};
    currentCode = language.code;
    document.documentElement.lang = language.htmlLang;
    if (remember) {
        try {
            localStorage.setItem(STORAGE_KEY, language.code);
        } catch {
            // Not remembered; the choice still holds for this page.
        }
    }
    changes.dispatchEvent(new Event("change"));
}

/** Calls listener after every language change; returns a function that stops it. */
export function onLanguageChange(listener) {
    changes.addEventListener("change", listener);
    return () => changes.removeEventListener("change", listener);
}

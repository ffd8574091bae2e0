// The application shell: language, sign-in state, the navigation and which page is shown.

import { get, setUnauthorizedHandler } from "./lib/api.js";
import { h, replaceChildren, select } from "./lib/dom.js";
import { setSessionCheck, startEvents } from "./lib/events.js";
import { LANGUAGES, currentLanguage, initialLanguage, onLanguageChange, setLanguage, tr } from "./lib/i18n.js";
import { currentRoute, navigate, onRouteChange } from "./lib/router.js";
import { canAdminister, identity, isSignedIn, loadIdentity, logout, sessionEnded, storedSessionUri } from "./lib/session.js";
import { describeError } from "./lib/messages.js";

import "./pages/login-page.js";
import "./pages/overview-page.js";
import "./pages/console-page.js";
import "./pages/kvm-page.js";
import "./pages/media-page.js";
import "./pages/logs-page.js";
import "./pages/accounts-page.js";
import "./pages/sessions-page.js";
import "./pages/settings-page.js";
import "./pages/not-found-page.js";

/** The pages reachable from the navigation, in its order. */
const ROUTES = [
    { path: "/overview", tag: "qbmc-overview-page", title: () => tr("Overview") },
    { path: "/console", tag: "qbmc-console-page", title: () => tr("Console") },
    { path: "/kvm", tag: "qbmc-kvm-page", title: () => tr("Remote screen") },
    { path: "/media", tag: "qbmc-media-page", title: () => tr("Virtual media") },
    { path: "/logs", tag: "qbmc-logs-page", title: () => tr("Event log") },
    { path: "/accounts", tag: "qbmc-accounts-page", title: () => (canAdminister() ? tr("Accounts") : tr("My account")) },
    { path: "/sessions", tag: "qbmc-sessions-page", title: () => tr("Sessions") },
    { path: "/settings", tag: "qbmc-settings-page", title: () => tr("Settings"), visible: () => canAdminister() },
];

function roleName(roleId) {
    switch (roleId) {
        case "Administrator": return tr("Administrator");
        case "Operator": return tr("Operator");
        case "ReadOnly": return tr("Read-only");
        default: return roleId ?? "";
    }
}

/** A language chooser; changing it re-renders everything in place. */
export function languageSelect() {
    const chooser = select(
        LANGUAGES.map((language) => [language.code, language.name]),
        currentLanguage(),
        { class: "language-select", attrs: { "aria-label": tr("Language") } },
    );
    chooser.addEventListener("change", () => setLanguage(chooser.value));
    return chooser;
}

class QbmcApp extends HTMLElement {
    connectedCallback() {
        this.header = h("header", { class: "topbar" });
        this.main = h("main", { id: "main", class: "main", attrs: { tabindex: "-1" } });
        this.skipLink = h("a", { class: "skip-link", href: "#main" });
        this.skipLink.addEventListener("click", (event) => {
            // The hash carries the route, so the skip link moves focus instead of navigating.
            event.preventDefault();
            this.main.focus();
        });
        this.append(this.skipLink, this.header, this.main);
        this.currentPath = null;
        this.start();
    }

    async start() {
        await setLanguage(initialLanguage(), { remember: false });
        setUnauthorizedHandler(() => this.sessionLost());
        setSessionCheck(() => get(identity.sessionUri ?? storedSessionUri()));
        onRouteChange(() => this.route());
        onLanguageChange(() => this.renderChrome());
        await this.route();
    }

    /** Any 401: back to the login page, and back here after signing in again. */
    sessionLost() {
        const route = currentRoute();
        if (route.path === "/login") return;
        sessionEnded();
        navigate("/login", { next: route.hash });
    }

    async route() {
        const route = currentRoute();
        // The server answers every path it does not know with this app and 404: say so here.
        if (window.location.pathname !== "/" && window.location.pathname !== "/index.html") {
            this.show(route, "qbmc-not-found-page");
            return;
        }
        if (route.path === "/login") {
            this.show(route, "qbmc-login-page");
            return;
        }
        if (!isSignedIn()) {
            let signedIn = false;
            try {
                signedIn = await loadIdentity();
            } catch (error) {
                if (error?.status !== 401 && error?.status !== 404) {
                    replaceChildren(this.main, h("p", { class: "error", attrs: { role: "alert" }, text: describeError(error) }));
                }
            }
            if (!signedIn) {
                sessionEnded();
                navigate("/login", { next: route.hash });
                return;
            }
        }
        startEvents();
        const known = ROUTES.find((candidate) => candidate.path === route.path);
        this.show(route, known && (known.visible?.() ?? true) ? known.tag : "qbmc-not-found-page");
    }

    show(route, tag) {
        this.route_ = route;
        // The same page with other parameters keeps its element (and its open connections).
        if (this.currentPath !== route.path || this.main.firstElementChild?.localName !== tag) {
            this.currentPath = route.path;
            replaceChildren(this.main, document.createElement(tag));
        }
        this.closeMenu();
        this.renderChrome();
    }

    closeMenu() {
        this.classList.remove("menu-open");
    }

    renderChrome() {
        const route = this.route_ ?? currentRoute();
        // Rebuilding the header must not lose the keyboard user's place in the language chooser.
        const chooserHadFocus = document.activeElement?.classList.contains("language-select");
        const onLogin = route.path === "/login";
        this.skipLink.textContent = tr("Skip to content");
        const known = ROUTES.find((candidate) => candidate.path === route.path);
        document.title = onLogin ? `${tr("Sign in")} – qbmc` : `${known ? known.title() : tr("Not found")} – qbmc`;

        const brand = h("a", { class: "brand", href: "#/overview" }, h("span", { class: "brand-mark", attrs: { "aria-hidden": "true" } }), "qbmc");
        if (onLogin) {
            replaceChildren(this.header, brand, h("div", { class: "topbar-tools" }, languageSelect()));
            if (chooserHadFocus) this.header.querySelector(".language-select").focus();
            return;
        }
        const menuOpen = this.classList.contains("menu-open");
        const menuButton = h("button", {
            type: "button",
            class: "menu-button",
            text: tr("Menu"),
            attrs: { "aria-expanded": String(menuOpen), "aria-controls": "main-nav" },
            on: {
                click: () => {
                    const open = !this.classList.contains("menu-open");
                    this.classList.toggle("menu-open", open);
                    menuButton.setAttribute("aria-expanded", String(open));
                },
            },
        });
        const links = ROUTES.filter((candidate) => candidate.visible?.() ?? true).map((candidate) =>
            h("li", {}, h("a", {
                href: `#${candidate.path}`,
                text: candidate.title(),
                attrs: { "aria-current": candidate.path === route.path ? "page" : false },
            })),
        );
        const nav = h("nav", { id: "main-nav", class: "main-nav", attrs: { "aria-label": tr("Main") } }, h("ul", {}, links));
        const user = h("span", { class: "user-name", text: tr("Signed in as %1 (%2)", identity.userName ?? "", roleName(identity.roleId)) });
        const signOut = h("button", {
            type: "button",
            class: "sign-out",
            text: tr("Sign out"),
            on: {
                click: async () => {
                    await logout();
                    navigate("/login");
                },
            },
        });
        replaceChildren(this.header, menuButton, brand, nav, h("div", { class: "topbar-tools" }, languageSelect(), user, signOut));
        if (chooserHadFocus) this.header.querySelector(".language-select").focus();
    }
}

customElements.define("qbmc-app", QbmcApp);

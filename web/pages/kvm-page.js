// The host's screen, keyboard and mouse: noVNC (from Debian's novnc package, copied in at build
// time) over the KVM WebSocket, with scaling, full screen, Ctrl+Alt+Del, a keys menu, paste as
// typing, a screenshot and a window of its own.

import { formDialog } from "../components/dialogs.js";
import { showNotice } from "../components/notices.js";
import { Page } from "../components/page.js";
import { xsrfToken } from "../lib/api.js";
import { field, h, replaceChildren, select } from "../lib/dom.js";
import { currentLanguage, tr } from "../lib/i18n.js";
import { currentRoute } from "../lib/router.js";
import { canOperate, registerSocket } from "../lib/session.js";
import RFB from "../novnc/core/rfb.js";
import KeyTable from "../novnc/core/input/keysym.js";

const KVM_PATH = "/kvm/0";
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000];

/** Keys a browser keeps for itself or a laptop lacks: [label, [[keysym, code], ...]] pressed together. */
const SPECIAL_KEYS = [
    ["Ctrl+Alt+Delete", [[KeyTable.XK_Control_L, "ControlLeft"], [KeyTable.XK_Alt_L, "AltLeft"], [KeyTable.XK_Delete, "Delete"]]],
    ["Escape", [[KeyTable.XK_Escape, "Escape"]]],
    ...Array.from({ length: 12 }, (unused, index) => [`F${index + 1}`, [[KeyTable.XK_F1 + index, `F${index + 1}`]]]),
    ["Ctrl+Alt+Backspace", [[KeyTable.XK_Control_L, "ControlLeft"], [KeyTable.XK_Alt_L, "AltLeft"], [KeyTable.XK_BackSpace, "Backspace"]]],
    ...Array.from({ length: 7 }, (unused, index) => [`Ctrl+Alt+F${index + 1}`, [[KeyTable.XK_Control_L, "ControlLeft"], [KeyTable.XK_Alt_L, "AltLeft"], [KeyTable.XK_F1 + index, `F${index + 1}`]]]),
    ["Alt+Tab", [[KeyTable.XK_Alt_L, "AltLeft"], [KeyTable.XK_Tab, "Tab"]]],
    ["Print Screen", [[KeyTable.XK_Print, "PrintScreen"]]],
    ["Windows", [[KeyTable.XK_Super_L, "MetaLeft"]]],
];

/** Layouts the BMC can type pasted text in: the host's keyboard layout, not the browser's. */
const LAYOUTS = [["us", "English (US)"], ["de", "Deutsch"]];

class KvmPage extends Page {
    connectedCallback() {
        this.connection = "connecting";
        this.retryIndex = 0;
        this.scaled = true;
        this.popout = currentRoute().params.get("window") === "1";
        this.screen = h("div", { class: "kvm-screen", attrs: { tabindex: "-1" } });
        super.connectedCallback();
        this.connect();
    }

    teardown() {
        clearTimeout(this.retryTimer);
        this.closing = true;
        this.rfb?.disconnect();
        this.rfb = null;
    }

    isAffectedBy() {
        return false;
    }

    async load() {}

    connect() {
        clearTimeout(this.retryTimer);
        this.closing = false;
        const scheme = location.protocol === "https:" ? "wss:" : "ws:";
        const token = xsrfToken();
        // The XSRF token as subprotocol proves the page, not another site, opened the socket.
        const socket = token ? new WebSocket(`${scheme}//${location.host}${KVM_PATH}`, [token]) : new WebSocket(`${scheme}//${location.host}${KVM_PATH}`);
        socket.binaryType = "arraybuffer";
        this.socket = registerSocket(socket);
        this.rfb = new RFB(this.screen, socket, { shared: true });
        this.rfb.scaleViewport = this.scaled;
        this.rfb.resizeSession = false;
        this.rfb.viewOnly = !canOperate();
        this.rfb.focusOnClick = true;
        this.rfb.addEventListener("connect", () => {
            this.retryIndex = 0;
            this.setConnection("open");
            this.rfb?.focus();
        });
        this.rfb.addEventListener("disconnect", () => this.disconnected());
        this.setConnection("connecting");
    }

    disconnected() {
        this.rfb = null;
        this.socket = null;
        if (this.closing || !this.isConnected) return;
        this.setConnection("closed");
        const delay = RETRY_DELAYS_MS[Math.min(this.retryIndex, RETRY_DELAYS_MS.length - 1)];
        this.retryIndex += 1;
        this.retryTimer = setTimeout(() => this.connect(), delay);
    }

    setConnection(state) {
        this.connection = state;
        this.dataset.connection = state;
        this.renderStatus();
    }

    render() {
        if (!this.statusArea) {
            this.heading = h("h1");
            this.statusArea = h("div", { class: "kvm-status", attrs: { "aria-live": "polite" } });
            this.toolbar = h("div", { class: "kvm-toolbar button-row" });
            this.hint = h("p", { class: "hint" });
            replaceChildren(this, this.heading, this.statusArea, this.toolbar, this.screen, this.hint);
        }
        this.classList.toggle("kvm-window", this.popout);
        this.heading.textContent = tr("Remote screen");
        this.hint.textContent = canOperate()
            ? tr("Click the screen to type and use the mouse. Keys the browser keeps for itself are in the keys menu.")
            : tr("You are watching: your role may not use the host's keyboard and mouse.");
        if (this.toolbarLanguage !== currentLanguage()) {
            this.toolbarLanguage = currentLanguage();
            this.renderToolbar();
        }
        this.renderStatus();
    }

    renderStatus() {
        if (!this.statusArea) return;
        const text = {
            connecting: tr("Connecting to the remote screen…"),
            open: tr("Connected"),
            closed: tr("Disconnected. Connecting again…"),
        }[this.connection];
        replaceChildren(this.statusArea, h("span", { class: ["connection", `connection-${this.connection}`], text }));
    }

    renderToolbar() {
        const operate = canOperate();
        const keyChooser = select(SPECIAL_KEYS.map(([label], index) => [String(index), label]), "0", { attrs: { "aria-label": tr("Special key") } });
        const buttons = [
            operate ? h("button", { type: "button", class: "ctrl-alt-del", text: tr("Ctrl+Alt+Del"), on: { click: () => this.sendKeys(SPECIAL_KEYS[0][1]) } }) : null,
            operate ? h("span", { class: "key-sender" }, keyChooser, h("button", { type: "button", text: tr("Send key"), on: { click: () => this.sendKeys(SPECIAL_KEYS[Number(keyChooser.value)][1]) } })) : null,
            operate ? h("button", { type: "button", class: "paste", text: tr("Paste as typing…"), on: { click: () => this.pasteDialog() } }) : null,
            h("button", { type: "button", class: "scale", text: tr("Scale to fit"), attrs: { "aria-pressed": String(this.scaled) }, on: { click: (event) => this.toggleScale(event.currentTarget) } }),
            h("button", { type: "button", class: "full-screen", text: tr("Full screen"), on: { click: () => this.screen.requestFullscreen?.() } }),
            h("button", { type: "button", class: "screenshot", text: tr("Screenshot"), on: { click: () => this.screenshot() } }),
            this.popout ? null : h("button", { type: "button", class: "pop-out", text: tr("Open in a window"), on: { click: () => this.popOut() } }),
        ];
        replaceChildren(this.toolbar, buttons);
    }

    /** Presses the keys in order and releases them in reverse, as fingers do. */
    sendKeys(keys) {
        if (!this.rfb) return;
        for (const [keysym, code] of keys) this.rfb.sendKey(keysym, code, true);
        for (const [keysym, code] of [...keys].reverse()) this.rfb.sendKey(keysym, code, false);
        this.rfb.focus();
    }

    toggleScale(button) {
        this.scaled = !this.scaled;
        if (this.rfb) this.rfb.scaleViewport = this.scaled;
        button.setAttribute("aria-pressed", String(this.scaled));
    }

    pasteDialog() {
        const area = h("textarea", { rows: 5, required: true, class: "paste-text" });
        const layout = select(LAYOUTS, localStorage.getItem("qbmc.kvm.layout") ?? "us", { class: "paste-layout" });
        formDialog({
            title: tr("Paste as typing"),
            content: [
                field(tr("Text"), area, tr("Typed on the host's keyboard; line breaks are typed as Enter.")),
                field(tr("The host's keyboard layout"), layout),
            ],
            submitLabel: tr("Type"),
            onSubmit: async () => {
                localStorage.setItem("qbmc.kvm.layout", layout.value);
                // A text message beside the RFB stream: the BMC types it on the chosen layout.
                if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: "typeText", text: area.value, layout: layout.value }));
            },
        }).then(() => this.rfb?.focus());
    }

    screenshot() {
        const canvas = this.screen.querySelector("canvas");
        if (!canvas || this.connection !== "open") {
            showNotice(tr("There is no picture to save yet."), "error");
            return;
        }
        canvas.toBlob((blob) => {
            const link = h("a", { href: URL.createObjectURL(blob), download: `screen-${new Date().toISOString().replace(/[:.]/g, "-")}.png` });
            link.click();
            setTimeout(() => URL.revokeObjectURL(link.href), 1000);
        }, "image/png");
    }

    popOut() {
        window.open(`${location.pathname}#/kvm?window=1`, "qbmc-kvm", "popup,width=1060,height=860");
    }
}

customElements.define("qbmc-kvm-page", KvmPage);

// The host's serial console, drawn from the BMC's terminal model over the screen WebSocket, with
// take-over, copy and paste, keys a phone lacks, and the console log files.

import { formDialog } from "../components/dialogs.js";
import { showNotice } from "../components/notices.js";
import { Page } from "../components/page.js";
import "../components/terminal-view.js";
import { get, getBlob, getMembers, xsrfToken } from "../lib/api.js";
import { downloadBlob, field, formatDateTime, h, replaceChildren, select } from "../lib/dom.js";
import { currentLanguage, tr } from "../lib/i18n.js";
import { describeError } from "../lib/messages.js";
import { logServices } from "../lib/resources.js";
import { canOperate, identity, registerSocket } from "../lib/session.js";

const SCREEN_PATH = "/console0/screen";
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000];

/** Keys and combinations a phone keyboard has no key for, as console messages. */
const SPECIAL_KEYS = [
    ["Escape", { type: "key", key: "Escape", modifiers: [] }],
    ["Tab", { type: "key", key: "Tab", modifiers: [] }],
    ...Array.from({ length: 12 }, (unused, index) => [`F${index + 1}`, { type: "key", key: `F${index + 1}`, modifiers: [] }]),
    ["Up", { type: "key", key: "Up", modifiers: [] }],
    ["Down", { type: "key", key: "Down", modifiers: [] }],
    ["Left", { type: "key", key: "Left", modifiers: [] }],
    ["Right", { type: "key", key: "Right", modifiers: [] }],
    ["Ctrl+C", { type: "text", text: "c", modifiers: ["Control"] }],
    ["Ctrl+D", { type: "text", text: "d", modifiers: ["Control"] }],
    ["Ctrl+Z", { type: "text", text: "z", modifiers: ["Control"] }],
    ["Ctrl+Alt+Delete", { type: "key", key: "Delete", modifiers: ["Control", "Alt"] }],
];

function formatBytes(bytes) {
    if (typeof bytes !== "number") return "";
    if (bytes < 1024) return tr("%1 bytes", bytes);
    if (bytes < 1024 * 1024) return tr("%1 KiB", (bytes / 1024).toFixed(1));
    return tr("%1 MiB", (bytes / 1024 / 1024).toFixed(1));
}

class ConsolePage extends Page {
    connectedCallback() {
        this.connection = "connecting";
        this.input = null;
        this.notices = [];
        this.logEntries = null;
        this.retryIndex = 0;
        this.terminal = document.createElement("qbmc-terminal");
        this.terminal.addEventListener("terminal-input", (event) => this.send(event.detail));
        this.terminal.addEventListener("terminal-leave", () => this.querySelector(".console-toolbar button")?.focus());
        super.connectedCallback();
        this.connect();
    }

    teardown() {
        clearTimeout(this.retryTimer);
        this.closing = true;
        this.socket?.close(1000, "page closed");
        this.socket = null;
    }

    isAffectedBy(event) {
        return event.origin.includes("/LogServices/HostConsole");
    }

    async load() {
        const services = await logServices();
        const consoleLog = services.HostConsole;
        if (!consoleLog) {
            this.logEntries = [];
            return;
        }
        const service = await get(consoleLog);
        this.logEntries = await getMembers(service?.Entries?.["@odata.id"] ?? `${consoleLog}/Entries`);
    }

    connect() {
        clearTimeout(this.retryTimer);
        this.closing = false;
        const scheme = location.protocol === "https:" ? "wss:" : "ws:";
        const url = `${scheme}//${location.host}${SCREEN_PATH}`;
        const token = xsrfToken();
        // The XSRF token as subprotocol proves the page, not another site, opened the socket;
        // the session cookie goes along by itself.
        const socket = token ? new WebSocket(url, [token]) : new WebSocket(url);
        this.socket = registerSocket(socket);
        this.setConnection("connecting");
        socket.addEventListener("open", () => {
            this.retryIndex = 0;
            this.setConnection("open");
        });
        socket.addEventListener("message", (event) => this.receive(event.data));
        socket.addEventListener("close", (event) => this.closed(socket, event));
    }

    async closed(socket, event) {
        if (socket !== this.socket || this.closing) return;
        this.socket = null;
        this.input = null;
        this.setConnection("closed");
        // The session may be gone (1008 when it is deleted or expires): asking for it again
        // answers 401, which takes the app to the login page.
        try {
            if (identity.sessionUri) await get(identity.sessionUri);
        } catch (error) {
            if (error?.status === 401) return;
        }
        if (!this.isConnected) return;
        const delay = RETRY_DELAYS_MS[Math.min(this.retryIndex, RETRY_DELAYS_MS.length - 1)];
        this.retryIndex += 1;
        this.closeReason = event.code;
        this.retryTimer = setTimeout(() => this.connect(), delay);
    }

    receive(data) {
        if (typeof data !== "string") return;
        let message;
        try {
            message = JSON.parse(data);
        } catch {
            return;
        }
        switch (message.type) {
            case "screen":
                this.terminal.applyScreen(message);
                break;
            case "notice":
                this.notices = [...this.notices, String(message.text ?? "")].slice(-3);
                this.renderStatus();
                break;
            case "input":
                this.input = { mine: Boolean(message.mine), holder: message.holder ?? null };
                this.renderStatus();
                break;
            default:
                break;
        }
    }

    send(message) {
        if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
    }

    setConnection(state) {
        this.connection = state;
        this.terminal.setEnabled(state === "open");
        this.renderStatus();
    }

    render() {
        if (!this.statusArea) {
            this.heading = h("h1");
            this.statusArea = h("div", { class: "console-status", attrs: { "aria-live": "polite" } });
            this.toolbar = h("div", { class: "console-toolbar button-row" });
            this.hint = h("p", { class: "hint console-hint" });
            this.logsArea = h("section", { class: "card console-logs" });
            replaceChildren(this, this.heading, this.statusArea, this.toolbar, this.terminal, this.hint, this.logsArea);
        }
        this.heading.textContent = tr("Console");
        this.terminal.updateLabels?.();
        this.hint.textContent = tr("Click the screen to type. Keys go to the host while it has focus; Ctrl+] leaves it. Ctrl+C copies when text is selected, Ctrl+V pastes.");
        // The toolbar is rebuilt only for a new language, so a refresh never takes its focus away.
        if (this.toolbarLanguage !== currentLanguage()) {
            this.toolbarLanguage = currentLanguage();
            this.renderToolbar();
        }
        this.renderStatus();
        this.renderLogs();
    }

    renderStatus() {
        if (!this.statusArea) return;
        const connectionText = {
            connecting: tr("Connecting to the console…"),
            open: tr("Connected"),
            closed: tr("Disconnected. Connecting again…"),
        }[this.connection];
        let inputText = "";
        if (this.connection === "open" && this.input) {
            if (this.input.mine) inputText = tr("You hold the console input.");
            else if (this.input.holder) inputText = tr("%1 holds the console input; you are watching.", this.input.holder);
            else inputText = tr("Nobody holds the console input; typing takes it.");
        }
        replaceChildren(
            this.statusArea,
            h("span", { class: ["connection", `connection-${this.connection}`], text: connectionText }),
            inputText ? h("span", { class: "input-holder", text: inputText }) : null,
            this.notices.map((text) => h("span", { class: "console-notice", text })),
        );
        const takeOver = this.toolbar?.querySelector(".take-over");
        if (takeOver) takeOver.hidden = !(this.connection === "open" && this.input && !this.input.mine && this.input.holder);
    }

    renderToolbar() {
        const takeOver = h("button", {
            type: "button",
            class: "take-over primary",
            text: tr("Take over input"),
            on: { click: () => this.send({ type: "takeOver" }) },
        });
        const copy = h("button", { type: "button", text: tr("Copy"), on: { click: () => this.copy() } });
        const paste = h("button", { type: "button", text: tr("Paste"), on: { click: () => this.paste() } });
        const sendText = h("button", { type: "button", text: tr("Send text…"), on: { click: () => this.sendTextDialog() } });
        const keyChooser = select(SPECIAL_KEYS.map(([label], index) => [String(index), label]), "0", { attrs: { "aria-label": tr("Special key") } });
        const sendKey = h("button", {
            type: "button",
            text: tr("Send key"),
            on: {
                click: () => {
                    this.send(SPECIAL_KEYS[Number(keyChooser.value)][1]);
                    this.terminal.focusInput();
                },
            },
        });
        replaceChildren(this.toolbar, takeOver, copy, paste, sendText, h("span", { class: "key-sender" }, keyChooser, sendKey));
        this.renderStatus();
    }

    async copy() {
        const text = this.terminal.selectedText() || this.terminal.screenText();
        try {
            await navigator.clipboard.writeText(text);
            showNotice(this.terminal.selectedText() ? tr("Selection copied.") : tr("Screen copied."), "success");
        } catch {
            showNotice(tr("The browser did not allow copying. Select the text and press Ctrl+C."), "error");
        }
    }

    async paste() {
        try {
            const text = await navigator.clipboard.readText();
            this.terminal.paste(text);
            this.terminal.focusInput();
        } catch {
            // Reading the clipboard needs a permission the browser may refuse: paste by hand then.
            this.sendTextDialog();
        }
    }

    sendTextDialog() {
        const area = h("textarea", { rows: 5, required: true, class: "send-text" });
        formDialog({
            title: tr("Send text to the host"),
            content: field(tr("Text"), area, tr("Sent as typed; line breaks are sent as Enter.")),
            submitLabel: tr("Send"),
            onSubmit: async () => this.terminal.paste(area.value),
        }).then(() => this.terminal.focusInput());
    }

    renderLogs() {
        const heading = h("h2", { text: tr("Console log files") });
        if (this.logEntries === null) {
            replaceChildren(this.logsArea, heading, this.loadErrorLine() ?? h("p", { class: "loading", text: tr("Loading…") }));
            return;
        }
        if (!this.logEntries.length) {
            replaceChildren(this.logsArea, heading, this.loadErrorLine(), h("p", { text: tr("No console log files.") }));
            return;
        }
        const rows = this.logEntries.map((entry) => {
            const uri = entry.AdditionalDataURI;
            const name = entry.Name && entry.Name !== "Log Entry" ? entry.Name : entry.Id;
            const download = uri && canOperate()
                ? h("button", { type: "button", text: tr("Download"), attrs: { "aria-label": tr("Download %1", name) }, on: { click: () => this.download(uri, name) } })
                : null;
            return h(
                "tr",
                {},
                h("th", { attrs: { scope: "row" }, text: name }),
                h("td", { text: formatDateTime(entry.Modified ?? entry.Created) }),
                h("td", { class: "number", text: formatBytes(entry.AdditionalDataSizeBytes) }),
                h("td", {}, download),
            );
        });
        replaceChildren(
            this.logsArea,
            heading,
            this.loadErrorLine(),
            h("p", { class: "hint", text: tr("What the host printed on its serial console, newest file first.") }),
            h(
                "div",
                { class: "table-scroll" },
                h(
                    "table",
                    {},
                    h("thead", {}, h("tr", {}, [tr("File"), tr("Last written"), tr("Size"), tr("Action")].map((text) => h("th", { attrs: { scope: "col" }, text })))),
                    h("tbody", {}, rows),
                ),
            ),
        );
    }

    async download(uri, name) {
        try {
            const blob = await getBlob(uri);
            downloadBlob(blob, /\.\w+$/.test(name) ? name : `${name}.log`);
        } catch (error) {
            showNotice(describeError(error), "error");
        }
    }
}

customElements.define("qbmc-console-page", ConsolePage);

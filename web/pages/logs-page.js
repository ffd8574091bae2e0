// The BMC's event log: every power action, login, setting and account change with who did it.
// Filtering, searching and the CSV/JSON downloads all work on what was fetched, in the browser.

import { confirmAction } from "../components/dialogs.js";
import { showNotice } from "../components/notices.js";
import { Page } from "../components/page.js";
import { get, getMembers, post } from "../lib/api.js";
import { downloadBlob, field, formatDateTime, h, replaceChildren, select } from "../lib/dom.js";
import { currentLanguage, tr } from "../lib/i18n.js";
import { describeError } from "../lib/messages.js";
import { logServices } from "../lib/resources.js";
import { canAdminister } from "../lib/session.js";

const SEVERITIES = ["OK", "Warning", "Critical"];

function severityText(severity) {
    switch (severity) {
        case "OK": return tr("Information");
        case "Warning": return tr("Warning");
        case "Critical": return tr("Critical");
        default: return severity ?? "";
    }
}

function originText(origin) {
    switch (origin) {
        case "panel": return tr("Touchscreen");
        case "ipmi": return tr("IPMI");
        case "redfish": return tr("Redfish");
        case "host": return tr("Host");
        case "bmc": return tr("BMC");
        case "ssh": return tr("SSH");
        case "": return tr("Unknown");
        default: return origin;
    }
}

/**
 * Splits "Power on requested (ipmi:admin)" into the text, the origin (ipmi) and the user (admin):
 * the service appends who caused an entry in parentheses.
 */
export function parseEntry(entry) {
    const message = entry.Message ?? "";
    const match = /^(.*) \(([a-z]+)(?::([^)]*))?\)$/s.exec(message);
    return {
        id: entry.Id,
        created: entry.Created ?? "",
        severity: entry.Severity ?? "OK",
        text: match ? match[1] : message,
        origin: match ? match[2] : "",
        user: match?.[3] ?? "",
        entry,
    };
}

function csvCell(value) {
    const text = String(value ?? "");
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

class LogsPage extends Page {
    connectedCallback() {
        this.filters = { origin: "", severity: "", search: "" };
        this.entries = null;
        super.connectedCallback();
    }

    isAffectedBy(event) {
        return event.origin.includes("/LogServices/EventLog") || event.messageId.includes("Cleared");
    }

    async load() {
        if (!this.serviceUri) {
            const services = await logServices();
            this.serviceUri = services.EventLog ?? Object.values(services).find((uri) => /event/i.test(uri));
            if (!this.serviceUri) throw new Error(tr("This BMC has no event log."));
            this.service = await get(this.serviceUri);
        }
        const entries = await getMembers(this.service?.Entries?.["@odata.id"] ?? `${this.serviceUri}/Entries`);
        this.entries = entries.map(parseEntry).sort((a, b) => Number(b.id) - Number(a.id) || b.created.localeCompare(a.created));
    }

    render() {
        if (this.controlsLanguage !== currentLanguage() || !this.tableArea) {
            this.controlsLanguage = currentLanguage();
            this.buildControls();
        }
        this.renderOriginOptions();
        this.renderTable();
    }

    buildControls() {
        this.originSelect = select([["", tr("All origins")]], this.filters.origin);
        this.originSelect.addEventListener("change", () => {
            this.filters.origin = this.originSelect.value;
            this.renderTable();
        });
        this.severitySelect = select([["", tr("All severities")], ...SEVERITIES.map((severity) => [severity, severityText(severity)])], this.filters.severity);
        this.severitySelect.addEventListener("change", () => {
            this.filters.severity = this.severitySelect.value;
            this.renderTable();
        });
        const search = h("input", { type: "search", value: this.filters.search, class: "log-search" });
        search.addEventListener("input", () => {
            this.filters.search = search.value;
            this.renderTable();
        });
        const buttons = h(
            "div",
            { class: "button-row" },
            h("button", { type: "button", text: tr("Download CSV"), on: { click: () => this.downloadCsv() } }),
            h("button", { type: "button", text: tr("Download JSON"), on: { click: () => this.downloadJson() } }),
            canAdminister() ? h("button", { type: "button", class: "danger", text: tr("Clear log…"), on: { click: () => this.clear() } }) : null,
        );
        this.countLine = h("p", { class: "hint log-count", attrs: { "aria-live": "polite" } });
        this.tableArea = h("div", { class: "table-scroll log-table" });
        this.errorArea = h("div");
        replaceChildren(
            this,
            h("h1", { text: tr("Event log") }),
            h(
                "div",
                { class: "filters" },
                field(tr("Origin"), this.originSelect),
                field(tr("Severity"), this.severitySelect),
                field(tr("Search"), search),
            ),
            buttons,
            this.errorArea,
            this.countLine,
            this.tableArea,
        );
    }

    renderOriginOptions() {
        const origins = [...new Set((this.entries ?? []).map((entry) => entry.origin))].sort();
        if (this.filters.origin && !origins.includes(this.filters.origin)) origins.push(this.filters.origin);
        const options = [["", tr("All origins")], ...origins.map((origin) => [origin, originText(origin)])];
        const current = [...this.originSelect.options].map((option) => `${option.value}=${option.text}`).join("|");
        const wanted = options.map(([value, label]) => `${value}=${label}`).join("|");
        if (current === wanted) return;
        this.originSelect.replaceChildren(...options.map(([value, label]) => h("option", { value, text: label })));
        this.originSelect.value = this.filters.origin;
    }

    shownEntries() {
        const search = this.filters.search.trim().toLowerCase();
        return (this.entries ?? []).filter(
            (entry) =>
                (!this.filters.origin || entry.origin === this.filters.origin) &&
                (!this.filters.severity || entry.severity === this.filters.severity) &&
                (!search || `${entry.text} ${entry.user} ${entry.origin}`.toLowerCase().includes(search)),
        );
    }

    renderTable() {
        replaceChildren(this.errorArea, this.loadErrorLine());
        if (this.entries === null) {
            replaceChildren(this.tableArea, this.loadError ? null : h("p", { class: "loading", text: tr("Loading…") }));
            this.countLine.textContent = "";
            return;
        }
        const shown = this.shownEntries();
        this.countLine.textContent = tr("Showing %1 of %2 entries", shown.length, this.entries.length);
        if (!shown.length) {
            replaceChildren(this.tableArea, h("p", { text: tr("No entries.") }));
            return;
        }
        const rows = shown.map((entry) =>
            h(
                "tr",
                { class: `severity-${entry.severity}` },
                h("td", { class: "nowrap", text: formatDateTime(entry.created) }),
                h("td", {}, h("span", { class: ["health", `health-${entry.severity}`], text: severityText(entry.severity) })),
                h("td", { text: originText(entry.origin) }),
                h("td", { text: entry.user }),
                h("td", { class: "message", text: entry.text }),
            ),
        );
        const headers = [tr("Time"), tr("Severity"), tr("Origin"), tr("User"), tr("Message")];
        replaceChildren(
            this.tableArea,
            h(
                "table",
                { class: "events" },
                h("caption", { class: "visually-hidden", text: tr("Event log entries, newest first") }),
                h("thead", {}, h("tr", {}, headers.map((text) => h("th", { attrs: { scope: "col" }, text })))),
                h("tbody", {}, rows),
            ),
        );
    }

    fileName(extension) {
        const stamp = new Date().toISOString().replace(/[:]/g, "-").replace(/\..*$/, "");
        return `qbmc-event-log-${stamp}.${extension}`;
    }

    downloadCsv() {
        const lines = [["Id", "Created", "Severity", "Origin", "User", "Message"].join(",")];
        for (const entry of this.shownEntries()) {
            lines.push([entry.id, entry.created, entry.severity, entry.origin, entry.user, entry.text].map(csvCell).join(","));
        }
        downloadBlob(new Blob([`${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" }), this.fileName("csv"));
    }

    downloadJson() {
        const entries = this.shownEntries().map((entry) => entry.entry);
        downloadBlob(new Blob([JSON.stringify(entries, null, 2)], { type: "application/json" }), this.fileName("json"));
    }

    async clear() {
        const confirmed = await confirmAction({
            title: tr("Clear the event log?"),
            message: tr("Every entry is deleted for good. Download the log first if you need it."),
            confirmLabel: tr("Clear log"),
        });
        if (!confirmed) return;
        const target = this.service?.Actions?.["#LogService.ClearLog"]?.target ?? `${this.serviceUri}/Actions/LogService.ClearLog`;
        try {
            await post(target, {});
            showNotice(tr("Event log cleared."), "success");
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.scheduleRefresh();
    }
}

customElements.define("qbmc-logs-page", LogsPage);

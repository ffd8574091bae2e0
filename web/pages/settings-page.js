// BMC settings for administrators: network services, the console, the session time-out, the
// clock, and restarting the BMC. Each card saves on its own, only what was changed.

import { confirmAction } from "../components/dialogs.js";
import { showNotice } from "../components/notices.js";
import { Page } from "../components/page.js";
import { get, patch, post } from "../lib/api.js";
import { field, formatDateTime, h, replaceChildren, select, uniqueId } from "../lib/dom.js";
import { currentLanguage, tr } from "../lib/i18n.js";
import { describeError, problemsIn } from "../lib/messages.js";
import { mainResources } from "../lib/resources.js";
import { canAdminister } from "../lib/session.js";

const SESSION_SERVICE_URI = "/redfish/v1/SessionService";

function managerResetText(type) {
    switch (type) {
        case "GracefulRestart": return tr("Restart the BMC");
        case "ForceRestart": return tr("Restart the BMC at once");
        default: return type;
    }
}

function checkbox(labelText, checked, disabled) {
    const input = h("input", { type: "checkbox", checked: Boolean(checked), disabled, id: uniqueId("check") });
    return { input, element: h("div", { class: "checkbox-field" }, input, h("label", { htmlFor: input.id, text: labelText })) };
}

async function savePatch(uri, body) {
    const answer = await patch(uri, body);
    const problems = problemsIn(answer.data);
    if (problems.length) {
        for (const problem of problems) showNotice(problem, "error");
    } else {
        showNotice(tr("Saved."), "success");
    }
}

class SettingsPage extends Page {
    connectedCallback() {
        // Cards being edited keep their form across refreshes until saved or reset.
        this.editing = new Set();
        this.cards = new Map();
        super.connectedCallback();
    }

    isAffectedBy(event) {
        return event.origin.includes("/Managers/") || event.origin.startsWith(SESSION_SERVICE_URI);
    }

    async load() {
        const uris = await mainResources();
        const manager = await get(uris.manager);
        const [protocol, sessionService, system] = await Promise.all([
            get(manager?.NetworkProtocol?.["@odata.id"] ?? `${uris.manager}/NetworkProtocol`),
            get(SESSION_SERVICE_URI),
            get(uris.system),
        ]);
        this.data = { uris, manager, protocol, sessionService, system };
    }

    render() {
        const heading = h("h1", { text: tr("Settings") });
        if (!this.data) {
            replaceChildren(this, heading, this.loadErrorLine() ?? h("p", { class: "loading", text: tr("Loading…") }));
            return;
        }
        if (this.cardsLanguage !== currentLanguage()) {
            this.cardsLanguage = currentLanguage();
            this.editing.clear();
        }
        const admin = canAdminister();
        const cards = [
            this.card("network", () => this.networkCard(admin)),
            this.card("console", () => this.consoleCard()),
            this.card("sessions", () => this.sessionCard(admin)),
            this.card("clock", () => this.clockCard()),
            admin ? this.card("restart", () => this.restartCard()) : null,
        ];
        replaceChildren(
            this,
            heading,
            admin ? null : h("p", { class: "hint", text: tr("Only administrators can change settings.") }),
            this.loadErrorLine(),
            h("div", { class: "settings-grid" }, cards),
        );
    }

    /** A card built anew, unless its form is being edited. */
    card(key, build) {
        if (this.editing.has(key) && this.cards.has(key)) return this.cards.get(key);
        const element = build();
        element.addEventListener("input", () => this.editing.add(key));
        element.addEventListener("change", () => this.editing.add(key));
        this.cards.set(key, element);
        return element;
    }

    doneEditing(key) {
        this.editing.delete(key);
        this.scheduleRefresh();
    }

    networkCard(admin) {
        const { protocol } = this.data;
        const ipmi = checkbox(tr("IPMI over LAN"), protocol.IPMI?.ProtocolEnabled, !admin);
        const ssh = checkbox(tr("SSH console"), protocol.SSH?.ProtocolEnabled, !admin);
        const sshPort = h("input", { type: "number", min: 1, max: 65535, required: true, value: protocol.SSH?.Port ?? "", disabled: !admin, class: "port-input" });
        const form = h(
            "form",
            {
                on: {
                    submit: async (event) => {
                        event.preventDefault();
                        const body = {};
                        if (ipmi.input.checked !== Boolean(protocol.IPMI?.ProtocolEnabled)) body.IPMI = { ProtocolEnabled: ipmi.input.checked };
                        const sshChanges = {};
                        if (ssh.input.checked !== Boolean(protocol.SSH?.ProtocolEnabled)) sshChanges.ProtocolEnabled = ssh.input.checked;
                        if (Number(sshPort.value) !== protocol.SSH?.Port) sshChanges.Port = Number(sshPort.value);
                        if (Object.keys(sshChanges).length) body.SSH = sshChanges;
                        if (Object.keys(body).length) {
                            try {
                                await savePatch(protocol["@odata.id"], body);
                            } catch (error) {
                                showNotice(describeError(error), "error");
                            }
                        }
                        this.doneEditing("network");
                    },
                },
            },
            ipmi.element,
            h("p", { class: "hint", text: tr("UDP port %1; switching it off ends every IPMI session.", protocol.IPMI?.Port ?? "") }),
            ssh.element,
            field(tr("SSH port"), sshPort),
            h("p", { class: "hint", text: tr("HTTPS (this interface) on port %1.", protocol.HTTPS?.Port ?? "") }),
            admin ? h("div", { class: "button-row" }, h("button", { type: "submit", class: "primary", text: tr("Save") })) : null,
        );
        return h("section", { class: "card network-card" }, h("h2", { text: tr("Network services") }), form);
    }

    consoleCard() {
        const serial = this.data.system.SerialConsole ?? {};
        const manager = this.data.manager.SerialConsole ?? {};
        const yesNo = (value) => (value ? tr("On") : tr("Off"));
        return h(
            "section",
            { class: "card console-card" },
            h("h2", { text: tr("Host console") }),
            h(
                "dl",
                { class: "info-list" },
                h("dt", { text: tr("Serial-over-LAN (IPMI)") }),
                h("dd", { text: serial.IPMI ? tr("%1, port %2", yesNo(serial.IPMI.ServiceEnabled), serial.IPMI.Port) : "—" }),
                h("dt", { text: tr("SSH console") }),
                h("dd", { text: serial.SSH ? tr("%1, port %2", yesNo(serial.SSH.ServiceEnabled), serial.SSH.Port) : "—" }),
                h("dt", { text: tr("Clients at once") }),
                h("dd", { text: String(manager.MaxConcurrentSessions ?? "—") }),
            ),
            h("p", { class: "hint", text: tr("Serial-over-LAN's bit rate and privilege are set in the BMC's configuration file or with ipmitool (sol set).") }),
        );
    }

    sessionCard(admin) {
        const { sessionService } = this.data;
        const timeout = h("input", { type: "number", min: 30, max: 86400, required: true, value: sessionService.SessionTimeout ?? "", disabled: !admin });
        const form = h(
            "form",
            {
                on: {
                    submit: async (event) => {
                        event.preventDefault();
                        if (Number(timeout.value) !== sessionService.SessionTimeout) {
                            try {
                                await savePatch(SESSION_SERVICE_URI, { SessionTimeout: Number(timeout.value) });
                            } catch (error) {
                                showNotice(describeError(error), "error");
                            }
                        }
                        this.doneEditing("sessions");
                    },
                },
            },
            field(tr("Session time-out (seconds)"), timeout, tr("A session unused this long ends: 30 to 86400 seconds.")),
            admin ? h("div", { class: "button-row" }, h("button", { type: "submit", class: "primary", text: tr("Save") })) : null,
        );
        return h("section", { class: "card session-card" }, h("h2", { text: tr("Sessions") }), form);
    }

    clockCard() {
        const { manager } = this.data;
        return h(
            "section",
            { class: "card clock-card" },
            h("h2", { text: tr("Date and time") }),
            h(
                "dl",
                { class: "info-list" },
                h("dt", { text: tr("BMC time") }),
                h("dd", { text: formatDateTime(manager.DateTime) }),
                h("dt", { text: tr("UTC offset") }),
                h("dd", { text: manager.DateTimeLocalOffset ?? "" }),
            ),
            h("p", { class: "hint", text: tr("The BMC's operating system keeps the clock (NTP); it cannot be set here.") }),
        );
    }

    restartCard() {
        const resetAction = this.data.manager.Actions?.["#Manager.Reset"];
        const types = resetAction?.["ResetType@Redfish.AllowableValues"] ?? ["GracefulRestart"];
        const chooser = select(types.map((type) => [type, managerResetText(type)]), types[0]);
        const button = h("button", {
            type: "button",
            class: "danger",
            text: tr("Restart…"),
            on: {
                click: async () => {
                    const confirmed = await confirmAction({
                        title: tr("Restart the BMC?"),
                        message: tr("This interface, IPMI and SSH are unavailable for a few seconds; every session ends. The host keeps running."),
                        confirmLabel: managerResetText(chooser.value),
                    });
                    if (!confirmed) return;
                    try {
                        await post(resetAction?.target ?? `${this.data.uris.manager}/Actions/Manager.Reset`, { ResetType: chooser.value });
                        showNotice(tr("The BMC is restarting."), "success");
                    } catch (error) {
                        showNotice(describeError(error), "error");
                    }
                    this.doneEditing("restart");
                },
            },
        });
        return h("section", { class: "card restart-card" }, h("h2", { text: tr("Restart") }), field(tr("How"), chooser), h("div", { class: "button-row" }, button));
    }
}

customElements.define("qbmc-settings-page", SettingsPage);

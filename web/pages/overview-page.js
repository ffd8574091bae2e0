// The host at a glance and its everyday controls: power, identify, boot override, restore policy,
// sensors, and the BMC's own version, addresses and uptime.

import { confirmAction } from "../components/dialogs.js";
import { showNotice } from "../components/notices.js";
import { Page } from "../components/page.js";
import { get, getMembers, patch, post } from "../lib/api.js";
import { field, formatDateTime, h, replaceChildren, select } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";
import { describeError, problemsIn } from "../lib/messages.js";
import { mainResources } from "../lib/resources.js";
import { canOperate } from "../lib/session.js";

const RUNNING_TASK_STATES = new Set(["New", "Pending", "Starting", "Running", "Stopping", "Suspended"]);
// Resets that end or interrupt what the host is doing are confirmed first.
const HARMLESS_RESETS = new Set(["On", "ForceOn"]);

export function powerStateText(state) {
    switch (state) {
        case "On": return tr("On");
        case "Off": return tr("Off");
        case "PoweringOn": return tr("Powering on…");
        case "PoweringOff": return tr("Powering off…");
        case "Paused": return tr("Paused");
        default: return tr("Unknown");
    }
}

export function resetTypeText(type) {
    switch (type) {
        case "On": return tr("Power on");
        case "ForceOn": return tr("Force power on");
        case "ForceOff": return tr("Force power off");
        case "GracefulShutdown": return tr("Shut down");
        case "GracefulRestart": return tr("Restart");
        case "ForceRestart": return tr("Reset");
        case "PowerCycle": return tr("Power cycle");
        case "PushPowerButton": return tr("Press power button");
        case "Nmi": return tr("Send NMI");
        default: return type;
    }
}

function resetTypeWarning(type) {
    switch (type) {
        case "ForceOff": return tr("The host loses power at once. Unsaved work on it is lost.");
        case "GracefulShutdown": return tr("The host's operating system is asked to shut down.");
        case "GracefulRestart": return tr("The host's operating system is asked to shut down, then the host is powered on again.");
        case "ForceRestart": return tr("The host is reset at once. Unsaved work on it is lost.");
        case "PowerCycle": return tr("The host loses power at once and is powered on again. Unsaved work on it is lost.");
        case "PushPowerButton": return tr("The power button is pressed once, as by hand.");
        case "Nmi": return tr("A non-maskable interrupt is sent to the host; its operating system may stop.");
        default: return tr("The host's power changes.");
    }
}

function bootTargetText(target) {
    switch (target) {
        case "None": return tr("No override");
        case "Pxe": return tr("Network (PXE)");
        case "Hdd": return tr("Hard disk");
        case "Cd": return tr("CD/DVD");
        case "Usb": return tr("USB");
        case "BiosSetup": return tr("Firmware setup");
        case "Diags": return tr("Diagnostics");
        case "Floppy": return tr("Floppy");
        case "UefiShell": return tr("UEFI shell");
        case "UefiHttp": return tr("UEFI HTTP");
        default: return target;
    }
}

function bootEnabledText(enabled) {
    switch (enabled) {
        case "Disabled": return tr("Off");
        case "Once": return tr("Next boot only");
        case "Continuous": return tr("Every boot");
        default: return enabled;
    }
}

function bootModeText(mode) {
    switch (mode) {
        case "Legacy": return tr("Legacy BIOS");
        case "UEFI": return tr("UEFI");
        default: return mode;
    }
}

function restorePolicyText(policy) {
    switch (policy) {
        case "AlwaysOff": return tr("Stay off");
        case "AlwaysOn": return tr("Power on");
        case "LastState": return tr("Return to the last state");
        default: return policy;
    }
}

function healthText(health) {
    switch (health) {
        case "OK": return tr("OK");
        case "Warning": return tr("Warning");
        case "Critical": return tr("Critical");
        default: return health ?? "";
    }
}

function unitText(units) {
    switch (units) {
        case "Cel": return "°C";
        case "V": return "V";
        case "W": return "W";
        case "A": return "A";
        case "RPM": return "RPM";
        case "%": return "%";
        default: return units ?? "";
    }
}

function formatNumber(value) {
    if (typeof value !== "number") return value ?? "—";
    return value.toLocaleString(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
}

/** "3 d 4 h 5 min" from seconds. */
export function durationText(totalSeconds) {
    const seconds = Math.max(0, Math.floor(totalSeconds));
    const days = Math.floor(seconds / 86400);
    const hours = Math.floor((seconds % 86400) / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    if (days > 0) return tr("%1 d %2 h %3 min", days, hours, minutes);
    if (hours > 0) return tr("%1 h %2 min", hours, minutes);
    return tr("%1 min", minutes);
}

function infoList(rows) {
    return h(
        "dl",
        { class: "info-list" },
        rows.filter(([, value]) => value !== undefined && value !== null && value !== "").map(([label, value]) => [h("dt", { text: label }), h("dd", {}, value)]),
    );
}

function card(title, className, ...content) {
    const heading = h("h2", { text: title });
    return h("section", { class: ["card", className], attrs: { "aria-label": title } }, heading, ...content);
}

class OverviewPage extends Page {
    connectedCallback() {
        super.connectedCallback();
        // Uptime moves on between events.
        this.clock = setInterval(() => this.updateUptime(), 30000);
    }

    teardown() {
        clearInterval(this.clock);
    }

    /** The host's resource; of answers arriving out of order, the newest asked for wins. */
    async fetchSystem(uri) {
        this.systemRequests = (this.systemRequests ?? 0) + 1;
        const number = this.systemRequests;
        const system = await get(uri);
        if (number > (this.newestSystem ?? 0)) {
            this.newestSystem = number;
            this.latestSystem = system;
        }
        return this.latestSystem;
    }

    async load() {
        const uris = await mainResources();
        const [, chassis, manager, runningTasks] = await Promise.all([
            this.fetchSystem(uris.system),
            get(uris.chassis),
            get(uris.manager),
            this.loadRunningTasks(),
        ]);
        const system = this.latestSystem;
        const resetAction = system?.Actions?.["#ComputerSystem.Reset"];
        let resetTypes = resetAction?.["ResetType@Redfish.AllowableValues"];
        if (!resetTypes && resetAction?.["@Redfish.ActionInfo"]) {
            const info = await get(resetAction["@Redfish.ActionInfo"]);
            resetTypes = info?.Parameters?.find((parameter) => parameter.Name === "ResetType")?.AllowableValues;
        }
        const [sensors, interfaces] = await Promise.all([
            chassis?.Sensors ? getMembers(chassis.Sensors["@odata.id"]).catch(() => []) : [],
            manager?.EthernetInterfaces ? getMembers(manager.EthernetInterfaces["@odata.id"]).catch(() => []) : [],
        ]);
        this.data = {
            uris,
            system,
            chassis,
            manager,
            resetTypes: resetTypes ?? [],
            resetTarget: resetAction?.target,
            runningTasks,
            sensors,
            interfaces,
            // The BMC's clock against ours, so uptime can move on without asking again.
            clockOffsetMs: manager?.DateTime ? Date.parse(manager.DateTime) - Date.now() : 0,
        };
    }

    async loadRunningTasks() {
        const tasks = await getMembers("/redfish/v1/TaskService/Tasks").catch(() => []);
        return tasks.filter((task) => RUNNING_TASK_STATES.has(task.TaskState));
    }

    render() {
        const heading = h("h1", { text: tr("Overview") });
        if (!this.data) {
            replaceChildren(this, heading, this.loadErrorLine() ?? h("p", { class: "loading", text: tr("Loading…") }));
            return;
        }
        // Drawing again must not throw a keyboard user out of the control they are on.
        const focusKey = this.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
        const grid = h(
            "div",
            { class: "card-grid" },
            this.powerCard(),
            this.identifyCard(),
            this.bootCard(),
            this.restoreCard(),
            this.sensorsCard(),
            this.bmcCard(),
        );
        replaceChildren(this, heading, this.loadErrorLine(), grid);
        this.restoreFocus(focusKey);
    }

    /** Puts the focus back on the control that had it before the page was drawn again. */
    restoreFocus(focusKey) {
        if (!focusKey) return;
        const control = this.querySelector(`[data-focus-key="${focusKey}"]`);
        if (control && !control.disabled) control.focus();
    }

    /** Marks a control so a re-render can give it the focus back. */
    keepFocus(control, key) {
        control.dataset.focusKey = key;
        return control;
    }

    powerCard() {
        const { system, resetTypes, runningTasks } = this.data;
        const state = system.PowerState ?? "Unknown";
        const badge = h("p", { class: ["power-state", `power-${state}`], attrs: { "data-power-state": state } }, h("span", { class: "power-dot", attrs: { "aria-hidden": "true" } }), powerStateText(state));
        const running = runningTasks.map((task) =>
            h("p", { class: "running-action", text: tr("Running: %1, since %2", resetTypeText(task.Name), formatDateTime(task.StartTime)) }),
        );
        const lastRequest = this.lastRequest ? h("p", { class: "running-action last-request", text: this.lastRequest }) : null;
        let actions = null;
        if (canOperate() && resetTypes.length) {
            actions = h(
                "div",
                { class: "button-row power-actions" },
                resetTypes.map((type) =>
                    this.keepFocus(
                        h("button", {
                            type: "button",
                            class: HARMLESS_RESETS.has(type) ? "primary" : type.startsWith("Force") || type === "PowerCycle" ? "danger" : "",
                            text: resetTypeText(type),
                            dataset: { resetType: type },
                            on: { click: () => this.reset(type) },
                        }),
                        `reset-${type}`,
                    ),
                ),
            );
        }
        const health = system.Status?.Health && system.Status.Health !== "OK" ? h("p", { class: "warning-text", text: tr("The last power action did not complete.") }) : null;
        return card(tr("Host power"), "power-card", badge, lastRequest, running, health, actions);
    }

    async reset(type) {
        if (!HARMLESS_RESETS.has(type)) {
            const confirmed = await confirmAction({
                title: tr("%1?", resetTypeText(type)),
                message: resetTypeWarning(type),
                confirmLabel: resetTypeText(type),
            });
            if (!confirmed) return;
        }
        try {
            const answer = await post(this.data.resetTarget, { ResetType: type });
            showNotice(answer.status === 204 ? tr("%1: nothing to do.", resetTypeText(type)) : tr("%1 requested.", resetTypeText(type)), "success");
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.scheduleRefresh();
    }

    identifyCard() {
        const { chassis } = this.data;
        const active = chassis.LocationIndicatorActive ?? (chassis.IndicatorLED ? chassis.IndicatorLED !== "Off" : null);
        const stateText = active === null ? tr("Unknown") : active ? tr("On") : tr("Off");
        let control = null;
        if (canOperate() && active !== null) {
            control = this.keepFocus(
                h("button", {
                    type: "button",
                    class: "identify-button",
                    text: active ? tr("Stop identifying") : tr("Identify"),
                    attrs: { "aria-pressed": String(Boolean(active)) },
                    on: { click: () => this.setIdentify(!active) },
                }),
                "identify",
            );
        }
        return card(
            tr("Identify"),
            "identify-card",
            h("p", { class: "hint", text: tr("Lights the chassis' identify LED so the server can be found in the rack.") }),
            infoList([[tr("Identify LED"), h("span", { class: active ? "lamp-on" : "", text: stateText })]]),
            control,
        );
    }

    async setIdentify(on) {
        const { chassis, uris } = this.data;
        const body = "LocationIndicatorActive" in chassis ? { LocationIndicatorActive: on } : { IndicatorLED: on ? "Lit" : "Off" };
        try {
            const answer = await patch(uris.chassis, body);
            for (const problem of problemsIn(answer.data)) showNotice(problem, "error");
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.scheduleRefresh();
    }

    bootCard() {
        const boot = this.data.system.Boot ?? {};
        const current = infoList([
            [tr("Boot device"), bootTargetText(boot.BootSourceOverrideTarget)],
            [tr("Applies"), bootEnabledText(boot.BootSourceOverrideEnabled)],
            [tr("Boot mode"), bootModeText(boot.BootSourceOverrideMode)],
        ]);
        const note = h("p", { class: "hint", text: tr("Whether the host follows the override depends on its firmware's boot order.") });
        if (!canOperate()) return card(tr("Boot override"), "boot-card", current, note);

        const draft = this.bootDraft ?? {};
        const makeSelect = (property, textOf, key) => {
            const values = boot[`${property}@Redfish.AllowableValues`] ?? [boot[property]].filter(Boolean);
            const control = select(values.map((value) => [value, textOf(value)]), draft[property] ?? boot[property]);
            control.addEventListener("change", () => {
                this.bootDraft = { ...(this.bootDraft ?? {}), [property]: control.value };
            });
            return this.keepFocus(control, key);
        };
        const form = h(
            "form",
            { class: "boot-form", on: { submit: (event) => this.applyBoot(event) } },
            field(tr("Boot device"), makeSelect("BootSourceOverrideTarget", bootTargetText, "boot-target")),
            field(tr("Applies"), makeSelect("BootSourceOverrideEnabled", bootEnabledText, "boot-enabled")),
            boot.BootSourceOverrideMode !== undefined ? field(tr("Boot mode"), makeSelect("BootSourceOverrideMode", bootModeText, "boot-mode")) : null,
            h("div", { class: "button-row" }, this.keepFocus(h("button", { type: "submit", class: "primary", text: tr("Apply"), disabled: !this.bootDraft }), "boot-apply")),
        );
        return card(tr("Boot override"), "boot-card", form, note);
    }

    async applyBoot(event) {
        event.preventDefault();
        if (!this.bootDraft) return;
        try {
            const answer = await patch(this.data.uris.system, { Boot: this.bootDraft });
            const problems = problemsIn(answer.data);
            for (const problem of problems) showNotice(problem, "error");
            if (!problems.length) showNotice(tr("Boot override saved."), "success");
            this.bootDraft = null;
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.scheduleRefresh();
    }

    restoreCard() {
        const policy = this.data.system.PowerRestorePolicy;
        const policies = this.data.system["PowerRestorePolicy@Redfish.AllowableValues"] ?? ["AlwaysOff", "AlwaysOn", "LastState"];
        const hint = h("p", { class: "hint", text: tr("What the BMC does with the host when the BMC starts.") });
        if (!canOperate() || policy === undefined) {
            return card(tr("Power restore policy"), "restore-card", hint, infoList([[tr("Policy"), restorePolicyText(policy)]]));
        }
        const control = this.keepFocus(select(policies.map((value) => [value, restorePolicyText(value)]), policy), "restore-policy");
        control.addEventListener("change", async () => {
            try {
                const answer = await patch(this.data.uris.system, { PowerRestorePolicy: control.value });
                for (const problem of problemsIn(answer.data)) showNotice(problem, "error");
            } catch (error) {
                showNotice(describeError(error), "error");
            }
            this.scheduleRefresh();
        });
        return card(tr("Power restore policy"), "restore-card", hint, field(tr("Policy"), control));
    }

    sensorsCard() {
        const { sensors } = this.data;
        if (!sensors.length) return card(tr("Sensors"), "sensors-card", h("p", { text: tr("No sensors.") }));
        const rows = sensors.map((sensor) => {
            const health = sensor.Status?.Health;
            const reading = sensor.Reading === null || sensor.Reading === undefined ? tr("No reading") : `${formatNumber(sensor.Reading)} ${unitText(sensor.ReadingUnits)}`.trim();
            return h(
                "tr",
                {},
                h("th", { attrs: { scope: "row" }, text: sensor.Name ?? sensor.Id }),
                h("td", { class: "number", text: reading }),
                h("td", {}, h("span", { class: ["health", `health-${health ?? "none"}`], text: healthText(health) })),
            );
        });
        return card(
            tr("Sensors"),
            "sensors-card",
            h(
                "div",
                { class: "table-scroll" },
                h(
                    "table",
                    {},
                    h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" }, text: tr("Sensor") }), h("th", { attrs: { scope: "col" }, text: tr("Reading") }), h("th", { attrs: { scope: "col" }, text: tr("Health") }))),
                    h("tbody", {}, rows),
                ),
            ),
        );
    }

    uptimeText() {
        const { manager, clockOffsetMs } = this.data;
        if (!manager?.LastResetTime) return null;
        const started = Date.parse(manager.LastResetTime);
        if (Number.isNaN(started)) return null;
        return durationText((Date.now() + clockOffsetMs - started) / 1000);
    }

    updateUptime() {
        const element = this.querySelector(".uptime");
        const text = this.data ? this.uptimeText() : null;
        if (element && text) element.textContent = text;
    }

    bmcCard() {
        const { manager, interfaces } = this.data;
        const addresses = interfaces.flatMap((nic) => [
            ...(nic.IPv4Addresses ?? []).map((address) => address.Address),
            ...(nic.IPv6Addresses ?? []).map((address) => address.Address),
        ]).filter(Boolean);
        const uptime = this.uptimeText();
        const hostNames = [...new Set(interfaces.map((nic) => nic.HostName).filter(Boolean))];
        const macs = interfaces.map((nic) => nic.MACAddress).filter(Boolean);
        return card(
            tr("BMC"),
            "bmc-card",
            infoList([
                [tr("Firmware version"), manager.FirmwareVersion],
                [tr("Model"), manager.Model],
                [tr("Host name"), hostNames.join(", ")],
                [tr("Addresses"), addresses.length ? h("ul", { class: "plain-list" }, addresses.map((address) => h("li", { text: address }))) : tr("None")],
                [tr("MAC address"), macs.join(", ")],
                [tr("BMC time"), formatDateTime(manager.DateTime)],
                [tr("Running since"), manager.LastResetTime ? formatDateTime(manager.LastResetTime) : null],
                [tr("Uptime"), uptime ? h("span", { class: "uptime", text: uptime }) : null],
            ]),
        );
    }

    isAffectedBy(event) {
        if (this.data && event.origin === this.data.uris.system) {
            // Who asked for a power change is only announced in the event stream (an IPMI request
            // has no task): keep the announcement until the power state settles.
            if (/request/i.test(event.message)) this.lastRequest = event.message;
            else if (/\b(On|Off)\.?$/.test(event.message)) this.lastRequest = null;
            this.refreshPower();
            return false;
        }
        return true;
    }

    /** Fetches only the host and its tasks: a power change shows within a moment. */
    async refreshPower() {
        if (this.powerLoading) {
            this.powerAgain = true;
            return;
        }
        this.powerLoading = true;
        try {
            const [, runningTasks] = await Promise.all([this.fetchSystem(this.data.uris.system), this.loadRunningTasks()]);
            this.data = { ...this.data, system: this.latestSystem, runningTasks };
            if (this.isConnected) this.render();
        } catch (error) {
            // A full refresh shows the failure; the next event tries again.
        } finally {
            this.powerLoading = false;
        }
        if (this.powerAgain) {
            this.powerAgain = false;
            this.refreshPower();
        }
    }
}

customElements.define("qbmc-overview-page", OverviewPage);

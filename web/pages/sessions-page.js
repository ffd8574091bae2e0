// Who is connected: every session the SessionService lists (Redfish, and whatever other faces
// it reports). Administrators may end anyone's; every user may end their own Redfish sessions,
// since only ending a session of another face (IPMI, SSH, the web console) is managing the BMC.

import { confirmAction } from "../components/dialogs.js";
import { showNotice } from "../components/notices.js";
import { Page } from "../components/page.js";
import { del, getMembers } from "../lib/api.js";
import { formatDateTime, h, replaceChildren } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";
import { describeError } from "../lib/messages.js";
import { navigate } from "../lib/router.js";
import { SESSIONS_URI, canAdminister, identity, sessionEnded } from "../lib/session.js";

function sessionTypeText(session) {
    const type = session.SessionType === "OEM" ? session.OemSessionType ?? "OEM" : session.SessionType;
    switch (type) {
        case "Redfish": return tr("Redfish");
        case "WebUI": return tr("Web browser");
        case "IPMI": return tr("IPMI");
        case "SSH":
        case "ManagerConsole": return tr("SSH");
        case "HostConsole":
        case "SerialConsole":
            // qbmc carries the host console over SSH and over the web console's WebSocket; its ids
            // say which ("ssh-<n>", "console-<n>"), which the schema's types cannot.
            if (String(session.Id).startsWith("ssh-")) return tr("SSH");
            if (String(session.Id).startsWith("console-")) return tr("Web console");
            return tr("Host console");
        case "KVMIP": return tr("KVM");
        case "VirtualMedia": return tr("Virtual media");
        default: return type ?? tr("Unknown");
    }
}

function isRedfishSession(session) {
    return session.SessionType === "Redfish" || session.SessionType === "WebUI";
}

// Another face's session is gone once its client has read why (an SSH notice, a WebSocket close):
// a moment after the answer, so the list is read again then.
const LATE_REFRESH_MS = 2000;

class SessionsPage extends Page {
    teardown() {
        clearTimeout(this.lateRefreshTimer);
    }

    isAffectedBy(event) {
        return event.origin.startsWith(SESSIONS_URI) || event.origin.includes("/LogServices/EventLog");
    }

    async load() {
        const sessions = await getMembers(SESSIONS_URI);
        this.sessions = sessions.sort((a, b) => String(b.CreatedTime ?? "").localeCompare(String(a.CreatedTime ?? "")));
    }

    render() {
        const heading = h("h1", { text: tr("Sessions") });
        if (!this.sessions) {
            replaceChildren(this, heading, this.loadErrorLine() ?? h("p", { class: "loading", text: tr("Loading…") }));
            return;
        }
        const rows = this.sessions.map((session) => {
            const own = session["@odata.id"] === identity.sessionUri;
            const mayEnd = own || canAdminister() || (isRedfishSession(session) && session.UserName === identity.userName);
            return h(
                "tr",
                { dataset: { session: session.Id } },
                h("td", {}, sessionTypeText(session), own ? h("span", { class: "badge", text: tr("this browser") }) : null),
                h("td", { text: session.UserName ?? "" }),
                h("td", { text: session.ClientOriginIPAddress ?? "" }),
                h("td", { class: "nowrap", text: formatDateTime(session.CreatedTime) }),
                h("td", {}, mayEnd ? h("button", { type: "button", class: "danger", text: tr("End"), attrs: { "aria-label": tr("End the session of %1", session.UserName ?? "") }, on: { click: () => this.end(session, own) } }) : null),
            );
        });
        const headers = [tr("Type"), tr("User"), tr("Address"), tr("Since"), tr("Action")];
        replaceChildren(
            this,
            heading,
            this.loadErrorLine(),
            h("p", { class: "hint", text: tr("Sessions end by themselves when unused for the session time-out.") }),
            h(
                "div",
                { class: "card table-scroll" },
                this.sessions.length
                    ? h("table", {}, h("thead", {}, h("tr", {}, headers.map((text) => h("th", { attrs: { scope: "col" }, text })))), h("tbody", {}, rows))
                    : h("p", { text: tr("No sessions.") }),
            ),
        );
    }

    async end(session, own) {
        const confirmed = await confirmAction({
            title: own ? tr("Sign out?") : tr("End this session?"),
            message: own ? tr("This is your own session in this browser.") : tr("%1 is disconnected from %2.", session.UserName ?? "", session.ClientOriginIPAddress ?? ""),
            confirmLabel: tr("End"),
        });
        if (!confirmed) return;
        try {
            await del(session["@odata.id"]);
            if (own) {
                sessionEnded();
                navigate("/login");
                return;
            }
            showNotice(tr("Session ended."), "success");
            if (!isRedfishSession(session)) {
                clearTimeout(this.lateRefreshTimer);
                this.lateRefreshTimer = setTimeout(() => this.scheduleRefresh(), LATE_REFRESH_MS);
            }
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.scheduleRefresh();
    }
}

customElements.define("qbmc-sessions-page", SessionsPage);

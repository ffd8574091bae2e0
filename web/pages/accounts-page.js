// Accounts: administrators manage everyone's; every user changes their own password and SSH keys.
// The rules a password must follow are shown before it is sent and checked in the browser first,
// so a refusal is rare; the BMC still has the last word.

import { confirmAction, formDialog, userError } from "../components/dialogs.js";
import { showNotice } from "../components/notices.js";
import { Page } from "../components/page.js";
import { del, get, getMembers, idOf, patch, post } from "../lib/api.js";
import { field, h, replaceChildren, select, uniqueId } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";
import { describeError, problemsIn } from "../lib/messages.js";
import { ACCOUNTS_URI, canAdminister, identity } from "../lib/session.js";

const ACCOUNT_SERVICE_URI = "/redfish/v1/AccountService";
const ROLES = ["Administrator", "Operator", "ReadOnly"];
const NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,15}$/;
const MAX_IPMI_PASSWORD_BYTES = 20;

export function roleText(roleId) {
    switch (roleId) {
        case "Administrator": return tr("Administrator");
        case "Operator": return tr("Operator");
        case "ReadOnly": return tr("Read-only");
        default: return roleId ?? "";
    }
}

function hasIpmi(account) {
    return (account.AccountTypes ?? []).includes("IPMI");
}

function byteLength(text) {
    return new TextEncoder().encode(text).length;
}

class AccountsPage extends Page {
    isAffectedBy(event) {
        return event.origin.startsWith(ACCOUNT_SERVICE_URI) || event.origin.includes("/LogServices/EventLog");
    }

    async load() {
        const [service, accounts] = await Promise.all([get(ACCOUNT_SERVICE_URI), getMembers(ACCOUNTS_URI)]);
        this.service = service;
        this.accounts = accounts.sort((a, b) => Number(a.Id) - Number(b.Id) || String(a.UserName).localeCompare(b.UserName));
        const keysAccount = this.accounts.find((account) => account["@odata.id"] === this.keysFor);
        this.keys = keysAccount?.Keys ? await getMembers(keysAccount.Keys["@odata.id"]).catch(() => []) : [];
    }

    render() {
        const admin = canAdminister();
        const heading = h("h1", { text: admin ? tr("Accounts") : tr("My account") });
        if (!this.accounts) {
            replaceChildren(this, heading, this.loadErrorLine() ?? h("p", { class: "loading", text: tr("Loading…") }));
            return;
        }
        const addButton = admin ? h("div", { class: "button-row" }, h("button", { type: "button", class: "primary", text: tr("Add account…"), on: { click: () => this.createDialog() } })) : null;
        replaceChildren(this, heading, this.loadErrorLine(), addButton, this.accountsTable(), this.keysSection());
    }

    accountsTable() {
        const admin = canAdminister();
        const rows = this.accounts.map((account) => {
            const own = account.UserName === identity.userName;
            const buttons = [
                admin ? h("button", { type: "button", text: tr("Edit…"), attrs: { "aria-label": tr("Edit %1", account.UserName) }, on: { click: () => this.editDialog(account) } }) : null,
                admin || own ? h("button", { type: "button", text: tr("Password…"), attrs: { "aria-label": tr("Change the password of %1", account.UserName) }, on: { click: () => this.passwordDialog(account) } }) : null,
                admin || own ? h("button", { type: "button", text: tr("SSH keys"), attrs: { "aria-label": tr("SSH keys of %1", account.UserName), "aria-pressed": String(this.keysFor === account["@odata.id"]) }, on: { click: () => this.showKeys(account) } }) : null,
                admin && account.Locked ? h("button", { type: "button", text: tr("Unlock"), attrs: { "aria-label": tr("Unlock %1", account.UserName) }, on: { click: () => this.unlock(account) } }) : null,
                admin && !own ? h("button", { type: "button", class: "danger", text: tr("Delete…"), attrs: { "aria-label": tr("Delete %1", account.UserName) }, on: { click: () => this.remove(account) } }) : null,
            ];
            const status = [
                account.Enabled ? tr("Enabled") : tr("Disabled"),
                account.Locked ? tr("Locked") : null,
            ].filter(Boolean).join(", ");
            return h(
                "tr",
                { dataset: { user: account.UserName } },
                h("th", { attrs: { scope: "row" } }, account.UserName, own ? h("span", { class: "badge", text: tr("you") }) : null),
                h("td", { text: roleText(account.RoleId) }),
                h("td", { text: status }),
                h("td", { text: hasIpmi(account) ? tr("Yes") : tr("No") }),
                h("td", {}, h("div", { class: "button-row" }, buttons)),
            );
        });
        const headers = [tr("User name"), tr("Role"), tr("Status"), tr("IPMI access"), tr("Actions")];
        return h(
            "div",
            { class: "card table-scroll" },
            h("table", {}, h("thead", {}, h("tr", {}, headers.map((text) => h("th", { attrs: { scope: "col" }, text })))), h("tbody", {}, rows)),
        );
    }

    /** The password rules, as the AccountService states them. */
    passwordRules(ipmi) {
        const min = this.service?.MinPasswordLength ?? 8;
        const max = this.service?.MaxPasswordLength ?? 64;
        return [
            tr("At least %1 characters.", min),
            ipmi ? tr("At most %1 bytes, because IPMI allows no more.", Math.min(max, MAX_IPMI_PASSWORD_BYTES)) : tr("At most %1 bytes.", max),
            tr("No control characters."),
        ];
    }

    passwordProblem(password, ipmi) {
        const min = this.service?.MinPasswordLength ?? 8;
        const max = Math.min(this.service?.MaxPasswordLength ?? 64, ipmi ? MAX_IPMI_PASSWORD_BYTES : Infinity);
        if ([...password].length < min) return tr("The password must have at least %1 characters.", min);
        if (byteLength(password) > max) return tr("The password must have at most %1 bytes.", max);
        // eslint-disable-next-line no-control-regex
        if (/[\u0000-\u001f\u007f]/.test(password)) return tr("The password must not contain control characters.");
        return null;
    }

    passwordFields(ipmi) {
        const password = h("input", { type: "password", required: true, attrs: { autocomplete: "new-password" } });
        const repeat = h("input", { type: "password", required: true, attrs: { autocomplete: "new-password" } });
        const rulesList = h("ul", { class: "rules", id: uniqueId("rules") }, this.passwordRules(ipmi).map((rule) => h("li", { text: rule })));
        password.setAttribute("aria-describedby", rulesList.id);
        return {
            password,
            repeat,
            rulesList,
            content: [field(tr("New password"), password), rulesList, field(tr("Repeat the password"), repeat)],
            check: (withIpmi) => {
                const problem = this.passwordProblem(password.value, withIpmi);
                if (problem) throw userError(problem);
                if (password.value !== repeat.value) throw userError(tr("The two passwords differ."));
                return password.value;
            },
        };
    }

    async createDialog() {
        const name = h("input", { type: "text", required: true, attrs: { autocomplete: "off", maxlength: "16", autocapitalize: "none", spellcheck: "false" } });
        const role = select(ROLES.map((value) => [value, roleText(value)]), "ReadOnly");
        const enabled = h("input", { type: "checkbox", checked: true, id: uniqueId("enabled") });
        const ipmi = h("input", { type: "checkbox", checked: false, id: uniqueId("ipmi") });
        const passwords = this.passwordFields(false);
        ipmi.addEventListener("change", () => replaceChildren(passwords.rulesList, this.passwordRules(ipmi.checked).map((rule) => h("li", { text: rule }))));
        await formDialog({
            title: tr("Add account"),
            content: [
                field(tr("User name"), name, tr("1 to 16 letters, digits, _ . or -, not starting with . or -.")),
                field(tr("Role"), role),
                h("div", { class: "checkbox-field" }, enabled, h("label", { htmlFor: enabled.id, text: tr("Enabled") })),
                h("div", { class: "checkbox-field" }, ipmi, h("label", { htmlFor: ipmi.id, text: tr("May use IPMI (ipmitool)") })),
                passwords.content,
            ],
            submitLabel: tr("Add account"),
            onSubmit: async () => {
                if (!NAME_PATTERN.test(name.value)) throw userError(tr("The user name is not valid: 1 to 16 letters, digits, _ . or -, not starting with . or -."));
                const password = passwords.check(ipmi.checked);
                await post(ACCOUNTS_URI, {
                    UserName: name.value,
                    Password: password,
                    RoleId: role.value,
                    Enabled: enabled.checked,
                    AccountTypes: ipmi.checked ? ["Redfish", "WebUI", "IPMI"] : ["Redfish", "WebUI"],
                });
                showNotice(tr("Account %1 added.", name.value), "success");
            },
        });
        this.scheduleRefresh();
    }

    async editDialog(account) {
        const role = select(ROLES.map((value) => [value, roleText(value)]), account.RoleId);
        const enabled = h("input", { type: "checkbox", checked: Boolean(account.Enabled), id: uniqueId("enabled") });
        const ipmi = h("input", { type: "checkbox", checked: hasIpmi(account), id: uniqueId("ipmi") });
        // IPMI keeps its own copy of the password, so switching IPMI on needs the password again.
        const passwords = this.passwordFields(true);
        const passwordBox = h("div", { hidden: true }, h("p", { class: "hint", text: tr("Switching IPMI on needs a new password, which IPMI keeps.") }), passwords.content);
        const togglePassword = () => {
            const needed = ipmi.checked && !hasIpmi(account);
            passwordBox.hidden = !needed;
            passwords.password.required = needed;
            passwords.repeat.required = needed;
        };
        ipmi.addEventListener("change", togglePassword);
        togglePassword();
        await formDialog({
            title: tr("Edit %1", account.UserName),
            content: [
                field(tr("Role"), role),
                h("div", { class: "checkbox-field" }, enabled, h("label", { htmlFor: enabled.id, text: tr("Enabled") })),
                h("div", { class: "checkbox-field" }, ipmi, h("label", { htmlFor: ipmi.id, text: tr("May use IPMI (ipmitool)") })),
                passwordBox,
            ],
            submitLabel: tr("Save"),
            onSubmit: async () => {
                const body = {};
                if (role.value !== account.RoleId) body.RoleId = role.value;
                if (enabled.checked !== Boolean(account.Enabled)) body.Enabled = enabled.checked;
                if (ipmi.checked !== hasIpmi(account)) {
                    body.AccountTypes = ipmi.checked ? ["Redfish", "WebUI", "IPMI"] : ["Redfish", "WebUI"];
                    if (ipmi.checked) body.Password = passwords.check(true);
                }
                if (!Object.keys(body).length) return;
                const answer = await patch(account["@odata.id"], body);
                const problems = problemsIn(answer.data);
                if (problems.length) throw userError(problems.join(" "));
                showNotice(tr("Account %1 saved.", account.UserName), "success");
            },
        });
        this.scheduleRefresh();
    }

    async passwordDialog(account) {
        const passwords = this.passwordFields(hasIpmi(account));
        await formDialog({
            title: tr("Password of %1", account.UserName),
            content: passwords.content,
            submitLabel: tr("Change password"),
            onSubmit: async () => {
                const answer = await patch(account["@odata.id"], { Password: passwords.check(hasIpmi(account)) });
                const problems = problemsIn(answer.data);
                if (problems.length) throw userError(problems.join(" "));
                showNotice(tr("Password of %1 changed.", account.UserName), "success");
            },
        });
    }

    async unlock(account) {
        try {
            await patch(account["@odata.id"], { Locked: false });
            showNotice(tr("Account %1 unlocked.", account.UserName), "success");
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.scheduleRefresh();
    }

    async remove(account) {
        const confirmed = await confirmAction({
            title: tr("Delete %1?", account.UserName),
            message: tr("The account and its SSH keys are deleted, and its sessions end."),
            confirmLabel: tr("Delete"),
        });
        if (!confirmed) return;
        try {
            await del(account["@odata.id"]);
            showNotice(tr("Account %1 deleted.", account.UserName), "success");
            if (this.keysFor === account["@odata.id"]) this.keysFor = null;
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.scheduleRefresh();
    }

    showKeys(account) {
        this.keysFor = this.keysFor === account["@odata.id"] ? null : account["@odata.id"];
        this.keys = [];
        this.render();
        this.refresh();
    }

    keysSection() {
        const account = this.accounts.find((candidate) => candidate["@odata.id"] === this.keysFor);
        if (!account) return null;
        const keyText = h("textarea", { rows: 3, required: true, class: "key-text", attrs: { spellcheck: "false", placeholder: "ssh-ed25519 AAAA… user@host" } });
        const form = h(
            "form",
            {
                class: "key-form",
                on: {
                    submit: async (event) => {
                        event.preventDefault();
                        try {
                            await post(account.Keys["@odata.id"], { KeyType: "SSH", KeyString: keyText.value.trim() });
                            keyText.value = "";
                            showNotice(tr("Key added."), "success");
                        } catch (error) {
                            showNotice(describeError(error), "error");
                        }
                        this.scheduleRefresh();
                    },
                },
            },
            field(tr("Add a public key"), keyText, tr("One line in OpenSSH's format: Ed25519, ECDSA, or RSA of at least 2048 bits.")),
            h("button", { type: "submit", class: "primary", text: tr("Add key") }),
        );
        const rows = this.keys.map((key) =>
            h(
                "tr",
                {},
                h("td", { class: "key-text", text: key.SSH?.Fingerprint ?? idOf(key["@odata.id"]) }),
                h("td", { text: key.SSH?.Comment ?? "" }),
                h("td", {}, h("button", { type: "button", class: "danger", text: tr("Remove"), attrs: { "aria-label": tr("Remove key %1", key.SSH?.Comment || key.Id) }, on: { click: () => this.removeKey(key) } })),
            ),
        );
        const list = rows.length
            ? h("div", { class: "table-scroll" }, h("table", {}, h("thead", {}, h("tr", {}, [tr("Fingerprint"), tr("Comment"), tr("Action")].map((text) => h("th", { attrs: { scope: "col" }, text })))), h("tbody", {}, rows)))
            : h("p", { text: tr("No SSH keys.") });
        return h("section", { class: "card keys-card" }, h("h2", { text: tr("SSH keys of %1", account.UserName) }), h("p", { class: "hint", text: tr("These keys log in to the host console over SSH.") }), list, form);
    }

    async removeKey(key) {
        const confirmed = await confirmAction({
            title: tr("Remove this key?"),
            message: tr("Whoever holds the matching private key can no longer log in with it."),
            confirmLabel: tr("Remove"),
        });
        if (!confirmed) return;
        try {
            await del(key["@odata.id"]);
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.scheduleRefresh();
    }
}

customElements.define("qbmc-accounts-page", AccountsPage);

// Signing in: creates a Redfish session; the server answers with the session cookie.

import { Page } from "../components/page.js";
import { field, h, replaceChildren } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";
import { safeNextHash, currentRoute } from "../lib/router.js";
import { LoginError, login } from "../lib/session.js";
import { describeError } from "../lib/messages.js";

function loginFailureText(error) {
    if (!(error instanceof LoginError)) return describeError(error);
    switch (error.reason) {
        case "credentials": return tr("Wrong user name or password.");
        case "locked": return tr("This account is locked for logins from your address after too many failed attempts. Try again later.");
        case "disabled": return tr("This account is disabled. Ask an administrator to enable it.");
        case "limit": return tr("Too many sessions are open. Sign out elsewhere or wait until old sessions time out.");
        default: return error.cause ? describeError(error.cause) : tr("Signing in failed.");
    }
}

class LoginPage extends Page {
    isAffectedBy() {
        return false;
    }

    render() {
        // Keep what was typed when the language changes.
        const typedUser = this.userInput?.value ?? "";
        this.userInput = h("input", { type: "text", name: "username", value: typedUser, required: true, attrs: { autocomplete: "username", autocapitalize: "none", spellcheck: "false" } });
        this.passwordInput = h("input", { type: "password", name: "password", value: this.passwordInput?.value ?? "", required: true, attrs: { autocomplete: "current-password" } });
        this.errorLine = h("p", { class: "error login-error", attrs: { role: "alert" }, hidden: !this.failure, text: this.failure ? loginFailureText(this.failure) : "" });
        this.submitButton = h("button", { type: "submit", class: "primary", text: tr("Sign in") });
        const form = h(
            "form",
            { class: "login-form", on: { submit: (event) => this.submit(event) } },
            h("h1", { text: tr("Sign in to the BMC") }),
            field(tr("User name"), this.userInput),
            field(tr("Password"), this.passwordInput),
            this.errorLine,
            this.submitButton,
        );
        replaceChildren(this, h("div", { class: "login-box" }, form));
        if (!typedUser) this.userInput.focus();
    }

    async submit(event) {
        event.preventDefault();
        this.submitButton.disabled = true;
        this.errorLine.hidden = true;
        try {
            await login(this.userInput.value.trim(), this.passwordInput.value);
            this.failure = null;
            location.hash = safeNextHash(currentRoute().params.get("next"));
        } catch (error) {
            this.failure = error;
            this.errorLine.textContent = loginFailureText(error);
            this.errorLine.hidden = false;
            this.passwordInput.value = "";
            this.passwordInput.focus();
        } finally {
            this.submitButton.disabled = false;
        }
    }
}

customElements.define("qbmc-login-page", LoginPage);

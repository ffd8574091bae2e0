// Modal dialogs on the native <dialog> element: it traps focus, closes on Escape and returns focus
// to where it was, so the app does not have to.

import { h } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";
import { describeError } from "../lib/messages.js";

function buildDialog(title, className) {
    const heading = h("h2", { text: title, id: `dialog-title-${Date.now()}` });
    const dialog = h("dialog", { class: ["dialog", className], attrs: { "aria-labelledby": heading.id } }, heading);
    document.body.append(dialog);
    dialog.addEventListener("close", () => dialog.remove());
    return dialog;
}

/**
 * Asks before something that cannot be undone. Resolves true when confirmed.
 * danger marks the confirm button as destructive.
 */
export function confirmAction({ title, message, confirmLabel, danger = true }) {
    return new Promise((resolve) => {
        const dialog = buildDialog(title, "confirm-dialog");
        const cancel = h("button", { type: "button", text: tr("Cancel"), on: { click: () => dialog.close("cancel") } });
        const confirm = h("button", {
            type: "button",
            class: danger ? "danger" : "primary",
            text: confirmLabel,
            on: { click: () => dialog.close("confirm") },
        });
        dialog.append(h("p", { text: message }), h("div", { class: "dialog-buttons" }, cancel, confirm));
        dialog.addEventListener("close", () => resolve(dialog.returnValue === "confirm"));
        dialog.showModal();
        // The safe choice has the focus, so an Enter pressed by habit cancels.
        cancel.focus();
    });
}

/**
 * A dialog with a form. onSubmit(form) runs on submit; the dialog stays open and shows the error
 * when it throws, and closes when it succeeds. Resolves true after a successful submit.
 */
export function formDialog({ title, content, submitLabel, onSubmit, danger = false }) {
    return new Promise((resolve) => {
        const dialog = buildDialog(title, "form-dialog");
        const error = h("p", { class: "error", attrs: { role: "alert" }, hidden: true });
        const submit = h("button", { type: "submit", class: danger ? "danger" : "primary", text: submitLabel });
        const cancel = h("button", { type: "button", text: tr("Cancel"), on: { click: () => dialog.close("cancel") } });
        const form = h("form", { class: "dialog-form", attrs: { novalidate: false } }, content, error, h("div", { class: "dialog-buttons" }, cancel, submit));
        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            if (!form.reportValidity()) return;
            submit.disabled = true;
            error.hidden = true;
            try {
                await onSubmit(form);
                dialog.close("done");
            } catch (failure) {
                error.textContent = failure?.userMessage ?? describeError(failure);
                error.hidden = false;
            } finally {
                submit.disabled = false;
            }
        });
        dialog.append(form);
        dialog.addEventListener("close", () => resolve(dialog.returnValue === "done"));
        dialog.showModal();
        const first = form.querySelector("input, select, textarea");
        (first ?? submit).focus();
    });
}

/** An Error whose text is shown as it is (already translated). */
export function userError(text) {
    const error = new Error(text);
    error.userMessage = text;
    return error;
}

// Short messages about what just happened ("Power on requested"), read out by screen readers
// through a live region and gone after a few seconds.

import { h } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";

const VISIBLE_MS = 6000;

function region() {
    let element = document.getElementById("notices");
    if (!element) {
        element = h("div", { id: "notices", class: "notices", attrs: { role: "status", "aria-live": "polite" } });
        document.body.append(element);
    }
    return element;
}

/** Shows text; kind is "info", "success" or "error" (errors stay until dismissed). */
export function showNotice(text, kind = "info") {
    const notice = h("div", { class: ["notice", kind] }, h("span", { text }));
    const close = h("button", {
        type: "button",
        class: "notice-close",
        text: "×",
        attrs: { "aria-label": tr("Dismiss") },
        on: { click: () => notice.remove() },
    });
    notice.append(close);
    region().append(notice);
    if (kind !== "error") setTimeout(() => notice.remove(), VISIBLE_MS);
}

// Builds DOM nodes from plain values. Text always goes in as text nodes, never as markup, so
// whatever the BMC or the host reports cannot inject elements; and no inline style or handler
// attribute is ever written, which the Content-Security-Policy would refuse anyway.

/**
 * h("button", {class: "primary", on: {click: fn}, attrs: {"aria-label": "..."}}, "child", node)
 * Props: class, text, attrs (set as attributes), dataset, on (event listeners); anything else
 * is assigned as a property (value, checked, disabled, type, id, hidden, htmlFor ...).
 */
export function h(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {})) {
        if (value === undefined || value === null) continue;
        if (key === "class") {
            element.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
        } else if (key === "text") {
            element.textContent = value;
        } else if (key === "attrs") {
            for (const [name, attrValue] of Object.entries(value)) {
                if (attrValue === false || attrValue === null || attrValue === undefined) continue;
                element.setAttribute(name, attrValue === true ? "" : String(attrValue));
            }
        } else if (key === "dataset") {
            Object.assign(element.dataset, value);
        } else if (key === "on") {
            for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
        } else {
            element[key] = value;
        }
    }
    append(element, children);
    return element;
}

/** Appends children (nodes, strings, numbers, nested arrays); null, undefined and false are skipped. */
export function append(parent, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) continue;
        parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
}

/** Replaces every child of parent. */
export function replaceChildren(parent, ...children) {
    parent.replaceChildren();
    return append(parent, children);
}

let uniqueCounter = 0;
/** An id no other element has, for label/for and aria-describedby pairs. */
export function uniqueId(prefix = "id") {
    uniqueCounter += 1;
    return `${prefix}-${uniqueCounter}`;
}

/** A labelled form field: label above its control, with an optional hint below. */
export function field(labelText, control, hintText = null) {
    if (!control.id) control.id = uniqueId("field");
    const hint = hintText ? h("p", { class: "hint", id: uniqueId("hint"), text: hintText }) : null;
    if (hint) control.setAttribute("aria-describedby", hint.id);
    return h("div", { class: "field" }, h("label", { htmlFor: control.id, text: labelText }), control, hint);
}

/** A select whose options are [value, label] pairs. */
export function select(options, value, props = {}) {
    const element = h("select", props);
    for (const [optionValue, label] of options) {
        element.append(h("option", { value: optionValue, text: label, selected: optionValue === value }));
    }
    if (value !== undefined) element.value = value;
    return element;
}

/** Saves data as a file through a temporary blob: URL and a download link. */
export function downloadBlob(blob, fileName) {
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: fileName, class: "visually-hidden" });
    document.body.append(link);
    link.click();
    link.remove();
    // The download has started from the URL; give it a moment before letting the blob go.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** A date as the browser's locale shows it, or the raw text when it cannot be read. */
export function formatDateTime(isoText) {
    if (!isoText) return "";
    const date = new Date(isoText);
    if (Number.isNaN(date.getTime())) return isoText;
    return date.toLocaleString(document.documentElement.lang || undefined);
}

// Draws the BMC's terminal model (a grid of styled runs per row, sent as "screen" messages) as real
// monospace text, and turns the browser's keyboard into the console's "key" and "text" messages.
// The BMC does the terminal emulation; this element only paints what it is told and reports keys.

import { h } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";

/** Browser key names (KeyboardEvent.key) and the console protocol's names for them. */
const NAMED_KEYS = {
    Enter: "Enter",
    Tab: "Tab",
    Backspace: "Backspace",
    Escape: "Escape",
    ArrowUp: "Up",
    ArrowDown: "Down",
    ArrowLeft: "Left",
    ArrowRight: "Right",
    Home: "Home",
    End: "End",
    PageUp: "PageUp",
    PageDown: "PageDown",
    Insert: "Insert",
    Delete: "Delete",
};
for (let number = 1; number <= 12; number += 1) NAMED_KEYS[`F${number}`] = `F${number}`;

const LINE_HEIGHT_EM = 1.2;

/** A single printable character (one code point; emoji and CJK included). */
function isPrintable(key) {
    return [...key].length === 1 && key >= " ";
}

/** Pasted text as a terminal expects it: lines end with carriage return, as Enter sends. */
function terminalText(text) {
    return text.replace(/\r?\n/g, "\r");
}

export class TerminalView extends HTMLElement {
    connectedCallback() {
        if (!this.screen) this.build();
        this.resizeObserver = new ResizeObserver(() => this.fit());
        this.resizeObserver.observe(this);
    }

    disconnectedCallback() {
        this.resizeObserver?.disconnect();
        this.resizeObserver = null;
    }

    build() {
        this.columns = 80;
        this.rowCount = 25;
        this.rowElements = [];
        this.enabled = true;
        this.classList.add("terminal");
        this.setAttribute("tabindex", "-1");

        this.screen = h("div", { class: "term-screen", attrs: { role: "region" } });
        this.cursor = h("div", { class: "term-cursor", attrs: { "aria-hidden": "true" } });
        // A hidden text field takes the keyboard: phones open their keyboard for it and input
        // methods (Chinese, for example) compose into it.
        this.input = h("textarea", {
            class: "term-input",
            attrs: { autocapitalize: "off", autocomplete: "off", autocorrect: "off", spellcheck: "false", rows: "1" },
        });
        this.viewport = h("div", { class: "term-viewport" }, this.screen);
        this.append(this.viewport, this.input);
        this.screen.append(this.cursor);
        this.resizeRows(this.columns, this.rowCount);
        this.updateLabels();

        this.addEventListener("keydown", (event) => this.onKeyDown(event));
        this.input.addEventListener("input", (event) => this.onInput(event));
        this.input.addEventListener("compositionend", () => this.flushInput());
        this.addEventListener("paste", (event) => this.onPaste(event));
        this.viewport.addEventListener("mouseup", () => {
            // A click types; a drag selects text to copy and must keep its selection.
            if (!this.selectedText()) this.focusInput();
        });
    }

    /** Labels in the current language (called again after a language change). */
    updateLabels() {
        this.screen.setAttribute("aria-label", tr("Host console screen"));
        this.input.setAttribute("aria-label", tr("Keyboard input for the host console"));
    }

    /** Where keys go: the host (true) or nowhere (false, while not connected). */
    setEnabled(enabled) {
        this.enabled = enabled;
        this.classList.toggle("disabled", !enabled);
    }

    focusInput() {
        this.input.focus({ preventScroll: true });
    }

    /** Sends a console message: set by the page that owns the connection. */
    send(message) {
        this.dispatchEvent(new CustomEvent("terminal-input", { detail: message }));
    }

    onKeyDown(event) {
        if (event.isComposing || event.key === "Process" || event.key === "Unidentified" || event.key === "Dead") return;
        // Ctrl+] lets a keyboard user leave the console, which otherwise keeps every key, Tab too.
        if (event.ctrlKey && event.key === "]") {
            event.preventDefault();
            this.dispatchEvent(new CustomEvent("terminal-leave"));
            return;
        }
        if (!this.enabled) return;
        const altGraph = event.getModifierState?.("AltGraph") || (event.ctrlKey && event.altKey && isPrintable(event.key));
        const modifiers = [];
        if (event.shiftKey) modifiers.push("Shift");
        if (event.ctrlKey && !altGraph) modifiers.push("Control");
        if (event.altKey && !altGraph) modifiers.push("Alt");

        const named = NAMED_KEYS[event.key];
        if (named) {
            event.preventDefault();
            this.send({ type: "key", key: named, modifiers });
            return;
        }
        if (event.metaKey || !isPrintable(event.key)) return;
        if (event.ctrlKey && !altGraph) {
            const letter = event.key.toLowerCase();
            // Ctrl+C with text selected copies, Ctrl+V pastes: what a browser user expects.
            if (letter === "c" && this.selectedText()) return;
            if (letter === "v") return;
            event.preventDefault();
            this.send({ type: "text", text: letter, modifiers: modifiers.filter((name) => name !== "Shift") });
            return;
        }
        event.preventDefault();
        const message = { type: "text", text: event.key };
        if (event.altKey && !altGraph) message.modifiers = ["Alt"];
        this.send(message);
    }

    onInput(event) {
        if (event.isComposing) return;
        this.flushInput();
    }

    /** Sends what an input method or a phone keyboard put into the hidden field. */
    flushInput() {
        const text = this.input.value;
        this.input.value = "";
        if (text && this.enabled) this.send({ type: "text", text: terminalText(text) });
    }

    onPaste(event) {
        event.preventDefault();
        const text = event.clipboardData?.getData("text/plain") ?? "";
        this.paste(text);
    }

    paste(text) {
        if (text && this.enabled) this.send({ type: "text", text: terminalText(text) });
    }

    /** The text selected inside the screen, or "". */
    selectedText() {
        const selection = window.getSelection();
        if (!selection || selection.isCollapsed || !this.screen) return "";
        if (!this.screen.contains(selection.anchorNode) && !this.screen.contains(selection.focusNode)) return "";
        return selection.toString();
    }

    /** Every row's text, trailing blanks removed. */
    screenText() {
        return this.rowElements.map((row) => row.textContent.replace(/\s+$/, "")).join("\n").replace(/\n+$/, "");
    }

    resizeRows(columns, rows) {
        this.columns = columns;
        this.rowCount = rows;
        for (const row of this.rowElements) row.remove();
        this.rowElements = [];
        for (let index = 0; index < rows; index += 1) {
            const row = h("div", { class: "term-row", dataset: { row: String(index) } });
            this.rowElements.push(row);
            this.screen.insertBefore(row, this.cursor);
        }
        this.screen.style.setProperty("--term-columns", String(columns));
        this.screen.style.setProperty("--term-rows", String(rows));
        this.fit();
    }

    /** Applies a "screen" message: a full picture or the rows that changed, and the cursor. */
    applyScreen(message) {
        const columns = Number(message.columns) || this.columns;
        const rows = Number(message.rows) || this.rowCount;
        if (columns !== this.columns || rows !== this.rowCount) this.resizeRows(columns, rows);
        if (message.full) for (const row of this.rowElements) row.replaceChildren();
        for (const line of message.lines ?? []) {
            const row = this.rowElements[line.row];
            if (row) row.replaceChildren(...(line.runs ?? []).map((run) => this.runElement(run)));
        }
        const cursor = message.cursor ?? {};
        this.cursor.hidden = cursor.visible === false;
        this.cursor.style.setProperty("--cursor-x", String(Math.min(Math.max(0, cursor.x ?? 0), this.columns - 1)));
        this.cursor.style.setProperty("--cursor-y", String(Math.min(Math.max(0, cursor.y ?? 0), this.rowCount - 1)));
    }

    runElement(run) {
        const span = h("span", { text: run.text ?? "" });
        const classes = [];
        if (run.bold) classes.push("bold");
        if (run.underline) classes.push("underline");
        if (run.italic) classes.push("italic");
        if (run.blink) classes.push("blink");
        // Reverse video swaps the colours, the theme's defaults included.
        let foreground = run.fg;
        let background = run.bg;
        if (run.reverse) {
            [foreground, background] = [background, foreground];
            if (!foreground) classes.push("default-fg-from-bg");
            if (!background) classes.push("default-bg-from-fg");
        }
        if (classes.length) span.className = classes.join(" ");
        // Colours come from the host; they are checked to be colours before use.
        if (foreground && /^#[0-9a-fA-F]{6}$/.test(foreground)) span.style.color = foreground;
        if (background && /^#[0-9a-fA-F]{6}$/.test(background)) span.style.backgroundColor = background;
        return span;
    }

    /** Picks the font size at which the whole grid fits the element's width. */
    fit() {
        if (!this.screen) return;
        const available = this.viewport.clientWidth;
        if (!available) return;
        if (!this.charWidthPerPixel) {
            const probe = h("span", { class: "term-probe", text: "0123456789" });
            this.screen.append(probe);
            this.charWidthPerPixel = probe.getBoundingClientRect().width / 10 / 100;
            probe.remove();
        }
        if (!this.charWidthPerPixel) return;
        const size = Math.max(6, Math.min(22, Math.floor((available - 2) / (this.columns * this.charWidthPerPixel) * 10) / 10));
        this.screen.style.fontSize = `${size}px`;
        this.screen.style.setProperty("--term-line-height", `${LINE_HEIGHT_EM}em`);
    }
}

customElements.define("qbmc-terminal", TerminalView);

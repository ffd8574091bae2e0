// What every page has in common: it fetches its data when shown, refetches when an event says
// something it shows has changed, and renders again when the language changes.

import { onEvent } from "../lib/events.js";
import { h } from "../lib/dom.js";
import { onLanguageChange } from "../lib/i18n.js";
import { describeError } from "../lib/messages.js";

const REFRESH_DELAY_MS = 80;

export class Page extends HTMLElement {
    connectedCallback() {
        this.classList.add("page");
        this.stopListening = [
            onEvent((event) => {
                if (event.resync || this.isAffectedBy(event)) this.scheduleRefresh();
            }),
            onLanguageChange(() => this.render()),
        ];
        this.render();
        this.refresh();
    }

    disconnectedCallback() {
        for (const stop of this.stopListening ?? []) stop();
        clearTimeout(this.refreshTimer);
        this.teardown();
    }

    /** Whether an event ({origin, messageId, ...}) may change what this page shows. */
    isAffectedBy(event) {
        return true;
    }

    /** Gathers events that arrive together into one refetch. */
    scheduleRefresh() {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
    }

    /** Fetches through load() and renders; a failure is shown on the page. */
    async refresh() {
        // A refresh asked for while one runs happens once more afterwards, so none is lost.
        if (this.loading) {
            this.reloadAfter = true;
            return;
        }
        this.loading = true;
        try {
            await this.load();
            this.loadError = null;
        } catch (error) {
            if (error?.status === 401) return;
            this.loadError = error;
        } finally {
            this.loading = false;
        }
        if (!this.isConnected) return;
        this.render();
        if (this.reloadAfter) {
            this.reloadAfter = false;
            this.scheduleRefresh();
        }
    }

    /** Fetches the page's data; override. */
    async load() {}

    /** Draws the page from its data; override. */
    render() {}

    /** Closes what the page opened; override. */
    teardown() {}

    /** A line saying loading failed, or null. */
    loadErrorLine() {
        return this.loadError ? h("p", { class: "error", attrs: { role: "alert" }, text: describeError(this.loadError) }) : null;
    }
}

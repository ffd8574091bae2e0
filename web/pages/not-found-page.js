// Shown for a route the app does not know, or one the user's role does not reach.

import { Page } from "../components/page.js";
import { h, replaceChildren } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";

class NotFoundPage extends Page {
    render() {
        replaceChildren(
            this,
            h("h1", { text: tr("Not found") }),
            h("p", { text: tr("There is no page at this address.") }),
            h("p", {}, h("a", { href: "/#/overview", text: tr("Go to the overview") })),
        );
    }
}

customElements.define("qbmc-not-found-page", NotFoundPage);

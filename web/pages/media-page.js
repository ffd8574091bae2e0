// Virtual media: what each of the BMC's drives gives the host, inserting an image from a URL (the
// BMC copies it into its store as a task whose progress shows here, and which can be cancelled),
// ejecting, and the images the store keeps with their size and SHA-256. Everyone sees it;
// administrators change it (Redfish's ConfigureManager).

import { confirmAction } from "../components/dialogs.js";
import { showNotice } from "../components/notices.js";
import { Page } from "../components/page.js";
import { del, get, getMembers, post } from "../lib/api.js";
import { field, h, replaceChildren, select } from "../lib/dom.js";
import { tr } from "../lib/i18n.js";
import { describeError } from "../lib/messages.js";
import { canAdminister } from "../lib/session.js";

const MEDIA_URI = "/redfish/v1/Managers/bmc/VirtualMedia";
const STORE_URI = "/redfish/v1/Managers/bmc/Oem/Qbmc/MediaStore";
const TASK_POLL_MS = 500;

function driveName(drive) {
    return drive.Id === "CD" ? tr("CD/DVD drive") : tr("USB stick");
}

function sizeText(bytes) {
    if (bytes >= 1024 ** 3) return tr("%1 GiB", (bytes / 1024 ** 3).toFixed(1));
    if (bytes >= 1024 ** 2) return tr("%1 MiB", (bytes / 1024 ** 2).toFixed(1));
    return tr("%1 KiB", Math.ceil(bytes / 1024));
}

class MediaPage extends Page {
    connectedCallback() {
        // The copy this page started, followed until its task ends: {driveId, task, monitor}.
        this.transfer = null;
        super.connectedCallback();
    }

    teardown() {
        clearTimeout(this.pollTimer);
    }

    isAffectedBy(event) {
        return event.origin.includes("/VirtualMedia") || event.origin.includes("/LogServices/EventLog");
    }

    async load() {
        const [drives, store] = await Promise.all([getMembers(MEDIA_URI), get(STORE_URI)]);
        this.drives = drives;
        this.store = store;
    }

    render() {
        // Texts follow the language: the form is built again when it changes.
        if (this.insertLanguage !== document.documentElement.lang) {
            this.insertSection = null;
            this.insertLanguage = document.documentElement.lang;
        }
        const heading = h("h1", { text: tr("Virtual media") });
        if (!this.drives) {
            replaceChildren(this, heading, this.loadErrorLine() ?? h("p", { class: "loading", text: tr("Loading…") }));
            return;
        }
        replaceChildren(
            this,
            heading,
            this.loadErrorLine(),
            h("div", { class: "card-grid" }, ...this.drives.map((drive) => this.driveCard(drive))),
            canAdminister() ? this.insertCard() : null,
            this.storeCard(),
        );
    }

    driveCard(drive) {
        const copying = this.transfer?.driveId === drive.Id ? this.transfer : null;
        let state;
        if (drive.Inserted) state = tr("Inserted: %1", drive.ImageName ?? drive.Image ?? "");
        else if (drive.Image || copying) state = tr("Copying %1 into the BMC…", drive.ImageName ?? drive.Image ?? "");
        else state = tr("Empty");
        const progress = copying
            ? h(
                  "div",
                  { class: "copy-progress" },
                  h("progress", { max: 100, value: copying.percent ?? 0, attrs: { "data-media-progress": drive.Id, "aria-label": tr("Copy progress") } }),
                  h("span", { text: tr("%1 %", copying.percent ?? 0) }),
                  canAdminister() ? h("button", { type: "button", text: tr("Cancel"), attrs: { "data-media-cancel": drive.Id }, on: { click: () => this.cancelCopy() } }) : null,
              )
            : null;
        const eject =
            canAdminister() && (drive.Inserted || drive.Image)
                ? h("button", { type: "button", class: "danger", text: tr("Eject"), attrs: { "data-media-eject": drive.Id }, on: { click: () => this.eject(drive) } })
                : null;
        return h(
            "section",
            { class: "card", attrs: { "aria-label": driveName(drive), "data-media-drive": drive.Id } },
            h("h2", { text: driveName(drive) }),
            h("p", { class: "media-state", attrs: { "data-media-state": drive.Id }, text: state }),
            progress,
            h("div", { class: "button-row" }, eject),
        );
    }

    insertCard() {
        // Built once: a redraw (events arrive while someone types) keeps what was typed.
        if (!this.insertSection) {
            const image = h("input", { type: "text", required: true, attrs: { "data-media-image": "", autocomplete: "off" } });
            const drive = select(this.drives.map((candidate) => [candidate.Id, driveName(candidate)]), this.drives[0]?.Id, { attrs: { "data-media-target": "" } });
            const userName = h("input", { type: "text", attrs: { autocomplete: "off" } });
            const password = h("input", { type: "password", attrs: { autocomplete: "new-password" } });
            this.insertButton = h("button", { type: "submit", class: "primary", text: tr("Insert"), attrs: { "data-media-insert": "" } });
            const form = h(
                "form",
                { on: { submit: (event) => { event.preventDefault(); this.insert(drive.value, image.value.trim(), userName.value, password.value); } } },
                field(tr("Image"), image, tr("An http:// or https:// URL, copied into the BMC before the host sees it, or the name of an image in the store.")),
                field(tr("Drive"), drive),
                field(tr("User name for the image server"), userName),
                field(tr("Password for the image server"), password),
                h("div", { class: "button-row" }, this.insertButton),
            );
            this.insertSection = h("section", { class: "card", attrs: { "aria-label": tr("Insert an image") } }, h("h2", { text: tr("Insert an image") }), form);
        }
        this.insertButton.disabled = Boolean(this.transfer);
        return this.insertSection;
    }

    storeCard() {
        const images = this.store?.Images ?? [];
        const rows = images.map((image) =>
            h(
                "tr",
                { attrs: { "data-store-image": image.Name } },
                h("td", { text: image.Name }),
                h("td", { class: "number", text: sizeText(image.SizeBytes) }),
                h("td", { class: "checksum", text: image.SHA256 ?? "—", attrs: { title: image.SHA256 ?? "" } }),
                h("td", { text: (image.InsertedIn ?? []).map((id) => driveName({ Id: id })).join(", ") }),
                h("td", {}, canAdminister() && !(image.InsertedIn ?? []).length ? h("button", { type: "button", class: "danger", text: tr("Delete"), on: { click: () => this.deleteImage(image) } }) : null),
            ),
        );
        const used = this.store ? h("p", { class: "hint", text: tr("%1 of %2 used", sizeText(this.store.UsedBytes ?? 0), sizeText(this.store.CapacityBytes ?? 0)) }) : null;
        const table = images.length
            ? h(
                  "div",
                  { class: "table-scroll" },
                  h(
                      "table",
                      {},
                      h("thead", {}, h("tr", {}, ...[tr("Name"), tr("Size"), tr("SHA-256"), tr("Drive"), tr("Action")].map((text) => h("th", { text })))),
                      h("tbody", {}, ...rows),
                  ),
              )
            : h("p", { text: tr("The store holds no images.") });
        return h("section", { class: "card", attrs: { "aria-label": tr("Image store") } }, h("h2", { text: tr("Image store") }), used, table);
    }

    async insert(driveId, image, userName, password) {
        if (!image) return;
        const body = { Image: image };
        if (userName) body.UserName = userName;
        if (password) body.Password = password;
        try {
            const answer = await post(`${MEDIA_URI}/${driveId}/Actions/VirtualMedia.InsertMedia`, body);
            if (answer.status === 202) {
                this.transfer = { driveId, task: answer.data?.["@odata.id"], monitor: answer.headers.get("Location"), percent: 0 };
                this.followTask();
            } else {
                showNotice(tr("Inserted."), "success");
            }
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.refresh();
    }

    async followTask() {
        clearTimeout(this.pollTimer);
        if (!this.transfer?.task) return;
        try {
            const task = await get(this.transfer.task);
            if (task.TaskState === "Running" || task.TaskState === "Pending") {
                this.transfer.percent = task.PercentComplete ?? 0;
                this.pollTimer = setTimeout(() => this.followTask(), TASK_POLL_MS);
                if (this.isConnected) this.render();
                return;
            }
            this.transfer = null;
            if (task.TaskState === "Completed") showNotice(tr("Inserted."), "success");
            else if (task.TaskState !== "Cancelled") showNotice(task.Messages?.[0]?.Resolution ?? task.Messages?.[0]?.Message ?? tr("The copy failed."), "error");
        } catch (error) {
            this.transfer = null;
            showNotice(describeError(error), "error");
        }
        this.refresh();
    }

    async cancelCopy() {
        if (!this.transfer?.monitor) return;
        try {
            await del(this.transfer.monitor);
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.followTask();
    }

    async eject(drive) {
        try {
            await post(`${MEDIA_URI}/${drive.Id}/Actions/VirtualMedia.EjectMedia`, {});
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        if (this.transfer?.driveId === drive.Id) this.followTask();
        this.refresh();
    }

    async deleteImage(image) {
        const confirmed = await confirmAction({ title: tr("Delete %1?", image.Name), message: tr("The image is removed from the BMC's store."), confirmLabel: tr("Delete") });
        if (!confirmed) return;
        try {
            await del(`${STORE_URI}/Images/${encodeURIComponent(image.Name)}`);
        } catch (error) {
            showNotice(describeError(error), "error");
        }
        this.refresh();
    }
}

customElements.define("qbmc-media-page", MediaPage);

// The only way the app talks to the BMC: Redfish over fetch, authenticated by the session cookie
// the server set at login, the way bmcweb's own web UI does it. Requests that change something
// carry the XSRF-TOKEN cookie's value back in a header, which another site cannot read.

export class RedfishError extends Error {
    constructor(status, body, url) {
        super(RedfishError.summary(status, body));
        this.status = status;
        this.body = body;
        this.url = url;
    }

    static summary(status, body) {
        const error = body?.error;
        const extended = error?.["@Message.ExtendedInfo"]?.[0];
        return extended?.Message ?? error?.message ?? `HTTP ${status}`;
    }

    /** Every Redfish message in the answer: the error's, then property annotations'. */
    get messages() {
        const error = this.body?.error;
        return error?.["@Message.ExtendedInfo"] ?? [];
    }

    /** The MessageId of the first message, e.g. "Base.1.16.0.ResourceInUse". */
    get messageId() {
        return this.messages[0]?.MessageId ?? "";
    }

    /** True when the first message's id ends with ".name" (registry versions vary). */
    is(name) {
        return this.messageId.endsWith(`.${name}`);
    }
}

let unauthorizedHandler = () => {};

/** Sets what happens when the server answers 401 to a request that needed a session. */
export function setUnauthorizedHandler(handler) {
    unauthorizedHandler = handler;
}

/** The XSRF-TOKEN cookie's value, or "" without one. */
export function xsrfToken() {
    for (const part of document.cookie.split(";")) {
        const [name, ...rest] = part.trim().split("=");
        if (name === "XSRF-TOKEN") return decodeURIComponent(rest.join("="));
    }
    return "";
}

function headersFor(method, hasBody, accept) {
    const headers = { "X-Requested-With": "XMLHttpRequest", Accept: accept };
    if (hasBody) headers["Content-Type"] = "application/json";
    if (method !== "GET" && method !== "HEAD") headers["X-XSRF-TOKEN"] = xsrfToken();
    return headers;
}

async function readJson(response) {
    const text = await response.text();
    if (!text) return null;
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}

/**
 * Sends one request and returns {status, headers, data}. Throws RedfishError for any status of
 * 400 or more; a 401 also calls the unauthorized handler unless expectUnauthorized is set (login).
 */
export async function request(method, url, body = undefined, { expectUnauthorized = false } = {}) {
    const hasBody = body !== undefined;
    let response;
    try {
        response = await fetch(url, {
            method,
            credentials: "same-origin",
            cache: "no-store",
            headers: headersFor(method, hasBody, "application/json"),
            body: hasBody ? JSON.stringify(body) : undefined,
        });
    } catch (networkError) {
        const error = new RedfishError(0, null, url);
        error.cause = networkError;
        throw error;
    }
    const data = await readJson(response);
    if (response.status >= 400) {
        if (response.status === 401 && !expectUnauthorized) unauthorizedHandler();
        throw new RedfishError(response.status, data, url);
    }
    return { status: response.status, headers: response.headers, data };
}

export async function get(url) {
    return (await request("GET", url)).data;
}

export function post(url, body = {}) {
    return request("POST", url, body);
}

export function patch(url, body) {
    return request("PATCH", url, body);
}

export function del(url) {
    return request("DELETE", url);
}

/** Fetches a file (a console log) as a Blob. */
export async function getBlob(url) {
    const response = await fetch(url, {
        credentials: "same-origin",
        cache: "no-store",
        headers: headersFor("GET", false, "*/*"),
    });
    if (response.status >= 400) {
        if (response.status === 401) unauthorizedHandler();
        throw new RedfishError(response.status, await readJson(response), url);
    }
    return response.blob();
}

/**
 * Every member of a collection as a whole resource: asks for members expanded ($expand=.), follows
 * Members@odata.nextLink pages, and fetches members the collection still only links to.
 */
export async function getMembers(collectionUrl) {
    const members = [];
    let next = collectionUrl.includes("?") ? collectionUrl : `${collectionUrl}?$expand=.`;
    while (next) {
        let page;
        try {
            page = await get(next);
        } catch (error) {
            // A service without $expand says so (400 or 501): ask for the plain collection then.
            if (next.endsWith("?$expand=.") && (error?.status === 400 || error?.status === 501)) {
                next = collectionUrl;
                continue;
            }
            throw error;
        }
        members.push(...(page?.Members ?? []));
        next = page?.["Members@odata.nextLink"] ?? null;
    }
    return Promise.all(
        members.map((member) => {
            const onlyLink = Object.keys(member).every((key) => key === "@odata.id");
            return onlyLink ? get(member["@odata.id"]) : member;
        }),
    );
}

/** The last path segment of a Redfish URI: the resource's id. */
export function idOf(uri) {
    return String(uri ?? "").replace(/\/+$/, "").split("/").pop();
}

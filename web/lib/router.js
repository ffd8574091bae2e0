// Routes live in the location hash (#/overview, #/login?next=...), so the server only ever serves
// index.html and every page can be bookmarked and reloaded.

export const DEFAULT_ROUTE = "/overview";

/** The current route: {path: "/logs", params: URLSearchParams, hash: "#/logs?..."} */
export function currentRoute() {
    const hash = location.hash.replace(/^#/, "");
    const [rawPath, query = ""] = hash.split("?", 2);
    const path = rawPath ? (rawPath.startsWith("/") ? rawPath : `/${rawPath}`) : DEFAULT_ROUTE;
    return { path, params: new URLSearchParams(query), hash: `#${path}${query ? `?${query}` : ""}` };
}

/** Goes to a route; params become the query part of the hash. */
export function navigate(path, params = null) {
    const query = params ? new URLSearchParams(params).toString() : "";
    const target = `#${path}${query ? `?${query}` : ""}`;
    if (location.hash === target) {
        // Same hash: no hashchange event would come, so announce it ourselves.
        window.dispatchEvent(new HashChangeEvent("hashchange"));
    } else {
        location.hash = target;
    }
}

/** Calls listener on every route change; returns a function that stops it. */
export function onRouteChange(listener) {
    window.addEventListener("hashchange", listener);
    return () => window.removeEventListener("hashchange", listener);
}

/** Where to go after logging in: a next= hash that stays inside the app, else the overview. */
export function safeNextHash(next) {
    if (typeof next === "string" && next.startsWith("#/") && !next.startsWith("#/login")) return next;
    return `#${DEFAULT_ROUTE}`;
}
